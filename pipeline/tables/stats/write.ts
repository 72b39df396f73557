/**
 * Writes `stats.jsonl` in its canonical order (header, then tasks by id, outcomes by policy, family,
 * task, labels and truths by policy, family, budget, task, label), so equal statistics give equal bytes.
 */
import type { TaskRow } from '../../../analyses/episode';
import { type PairStats } from '../../../analyses/passkt/outcomes';
import type { LabelCounts } from '../../../analyses/shard/label-counts';
import type { EpisodeCell } from '../../../analyses/mechanism/episode-cells';
import type { StageOutput } from '../../runner/stage';
import { STATS_FILE, type StatsHeader } from './format';
import { cellLine, labelLine, outcomeLine, taskLine, truthLine } from './lines';
import type { ConfusionCount, SequenceCounts } from '../../../analyses/shard/mechanism-sums';
import { compareText } from '../../../analyses/stats/compare-text';

/** The statistics of one shard, or of the sum of shards. */
export interface StatsContent {
  header: StatsHeader;
  tasks: readonly TaskRow[];
  /** In (policy, family, task) order, as OutcomeCollector.pairStats returns them. */
  pairs: readonly PairStats[];
  /** Null when the label stage did not run. */
  labels: LabelCounts | null;
  /** The mechanism cells, in their canonical order (EpisodeCells.rows). */
  cells: readonly EpisodeCell[];
  /** Hashed query sequences per (policy, family, budget, task), sorted; empty without labels. */
  sequences: readonly SequenceCounts[];
  /** Planted-strategy confusion per policy, sorted; empty without labels or planted strategies. */
  confusion: readonly ConfusionCount[];
  /** Hashes of the accepted episode ids, sorted. */
  ids: readonly string[];
}

/** Hashes per `ids` line. */
const IDS_PER_LINE = 4096;

/** Task rows in task-id order. */
export function sortTasks(tasks: Iterable<TaskRow>): TaskRow[] {
  return [...tasks].sort((a, b) => compareText(a.task, b.task));
}

/** Writes `stats.jsonl`. */
export async function writeStats(out: StageOutput, content: StatsContent): Promise<void> {
  const writer = out.jsonl(STATS_FILE);
  await writer.write(content.header);
  for (const row of sortTasks(content.tasks)) await writer.write(taskLine(row));
  for (const pair of content.pairs) await writer.write(outcomeLine(pair));
  if (content.labels) {
    for (const count of content.labels.rows()) await writer.write(labelLine(count));
    for (const count of content.labels.truthRows()) await writer.write(truthLine(count));
  }
  for (const cell of content.cells) await writer.write(cellLine(cell));
  for (const group of content.sequences) await writer.write({ kind: 'sequences', ...group });
  for (const count of content.confusion) await writer.write({ kind: 'confusion', ...count });
  for (let i = 0; i < content.ids.length; i += IDS_PER_LINE) await writer.write({ kind: 'ids', hashes: content.ids.slice(i, i + IDS_PER_LINE).join('') });
  await writer.close();
}
