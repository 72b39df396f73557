/**
 * The label stage in a merge run: the tables that per-task statistics determine, from the shards'
 * summed label statistics — `sequences.csv` and `diversity.csv` (hashed query sequences per task),
 * `label_frequencies.csv` (label counts), `label_accuracy.csv` and `label_confusion.csv` (planted-strategy
 * confusion) — by the same functions as one run. The per-episode tables (labels.csv, features.jsonl)
 * stay in the shard runs.
 */
import { createRng } from '../../../analyses/random/rng';
import { labelFrequencyRows } from '../../../analyses/shard/label-frequency-rows';
import { Confusion } from '../../../analyses/strategy/agreement';
import { summarizeDiversity } from '../../../analyses/strategy/diversity';
import { TAXONOMY_LABELS } from '../../../analyses/strategy/rules';
import { SequenceTally } from '../../../analyses/strategy/sequence-table';
import { EpisodeAccount, episodesReceived } from '../../runner/episode-account';
import { referenceLines, resolveReference } from '../../runner/reference-policy';
import type { StageContext, StageResult } from '../../runner/stage';
import { diversityTable } from '../../tables/diversity';
import { labelFrequenciesTable } from '../../tables/label-frequencies';
import { sequencesTable } from '../../tables/sequences';
import { readMergedStats } from '../../tables/stats/merged';
import { writeTruthTables } from './truth-tables';

/** Writes the label tables of a merge run. */
export async function runMergedLabel(ctx: StageContext<{ base?: string; resamples: number; level: number }>): Promise<StageResult> {
  const merge = ctx.input('merge');
  const stats = await readMergedStats(merge);
  if (!stats.labeled) {
    return { summary: ['label: the shards ran without the label stage: no label tables (run the shards without --skip label)'] };
  }
  const reference = resolveReference(ctx.params.base, stats.policies);
  const tally = new SequenceTally();
  for (const group of stats.sequences) for (const [hash, episodes] of group.counts) tally.add({ ...group, sequence: hash }, episodes);
  const sequenceRows = tally.rows(reference.policy);
  await sequencesTable.write(ctx.out, sequenceRows);
  const rng = createRng(ctx.seed);
  await diversityTable.write(ctx.out, summarizeDiversity(sequenceRows, rng.fork('diversity'), { base: reference.policy, resamples: ctx.params.resamples, level: ctx.params.level }));
  await labelFrequenciesTable.write(ctx.out, labelFrequencyRows(stats.labels.rows(), stats.labels.truthRows(), TAXONOMY_LABELS));

  const truth = new Confusion();
  const truthByPolicy = new Map<string, Confusion>();
  for (const count of stats.confusion) {
    truth.add(count.true_label, count.label, count.episodes);
    let perPolicy = truthByPolicy.get(count.policy);
    if (!perPolicy) truthByPolicy.set(count.policy, (perPolicy = new Confusion()));
    perPolicy.add(count.true_label, count.label, count.episodes);
  }
  if (truth.total > 0) await writeTruthTables(ctx.out, truth, truthByPolicy);

  // The labeled episodes and those the shards' label stages left out (traced, but not labeled, or outcome only).
  const account = new EpisodeAccount('label', episodesReceived(merge.manifest));
  for (const cell of stats.cells.rows()) {
    if (cell.label !== null) account.use(cell.episodes);
    else account.leaveOut(cell.traced ? 'unlabelable' : 'trace_missing', cell.policy, cell.episodes);
  }
  account.check();
  const labeled = stats.labels.rows().reduce((sum, count) => sum + count.episodes, 0);
  return {
    counts: { ...account.counts(), episodes: labeled },
    summary: [
      ...referenceLines('label', reference),
      `label: ${labeled} episodes labeled in the shards (labeler ${stats.labeler}); sequences, diversity, frequencies${truth.total > 0 ? ' and planted-strategy recovery' : ''} from their summed statistics`,
      ...account.summary(),
    ],
    details: { base: reference.policy, ...account.details() },
  };
}
