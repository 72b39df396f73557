/**
 * Compare: contrasts every policy (policy_a) with the base policy (policy_b) per family and budget,
 * every difference a − b — strategy frequencies (rule labels, and clusters when the cluster stage ran)
 * with a Rao–Scott test clustered by task, the shift-share decomposition of the accuracy difference
 * (reweighting / within-strategy / new / lost strategies, thin terms flagged) and the
 * retrieval-vs-integration decomposition, all with task-clustered bootstrap intervals. Columns:
 * docs/mechanism.md.
 */
import { z } from 'zod';
import { compareGroups } from '../../../analyses/mechanism/compare-group';
import { compareHeadlines } from '../../../analyses/mechanism/headline';
import type { RetrievalDefinition } from '../../../analyses/mechanism/retrieval-success';
import { THIN_DEFAULTS, type ThinThresholds } from '../../../analyses/mechanism/thin-terms';
import { createRng } from '../../../analyses/random/rng';
import { EpisodeAccount, episodesReceived } from '../../runner/episode-account';
import { defineStage, type StageResult, type StageInput } from '../../runner/stage';
import { BASE_FLAG, RESAMPLES_FLAG } from '../../runner/shared-flags';
import { compareFrequenciesTable } from '../../tables/compare-frequencies';
import { decompositionTable } from '../../tables/decomposition';
import { retrievalTable } from '../../tables/retrieval';
import { retrievalDecompositionTable } from '../../tables/retrieval-decomposition';
import { BaseParam, referenceLines, resolveReference } from '../../runner/reference-policy';
import { groupsFromCells, groupsWithReads, UNCLUSTERED, UNLABELED } from '../../../analyses/mechanism/episode-cells';
import { readEpisodeCells } from '../../tables/episode-cells';
import { readMergedStats } from '../../tables/stats/merged';

/** Parameters of the compare stage. */
export const CompareParams = z.object({
  /** The reference policy every other policy is compared with; unset = resolved from the data. */
  base: BaseParam,
  /** Bootstrap replicates (tasks resampled with replacement) per comparison. */
  resamples: z.number().int().positive().default(1000),
  /** Interval level. */
  level: z.number().gt(0).lt(1).default(0.95),
  /** Also compare cluster frequencies when the cluster stage is part of the run. */
  clusters: z.boolean().default(true),
  /** A strategy cell with fewer tasks than this is thin (decomposition terms resting on it are flagged). */
  thinTasks: z.number().int().min(0).default(THIN_DEFAULTS.minTasks),
  /** A strategy cell with fewer episodes than this is thin. */
  thinEpisodes: z.number().int().min(0).default(THIN_DEFAULTS.minEpisodes),
});

async function readDefinitions(input: StageInput): Promise<Map<string, RetrievalDefinition>> {
  const definitions = new Map<string, RetrievalDefinition>();
  for (const row of await retrievalTable.read(input)) definitions.set(row.family, row.definition);
  return definitions;
}

/** The thin-cell thresholds of a parameter set. */
function thinOf(params: { thinTasks?: number; thinEpisodes?: number }): ThinThresholds {
  return { minTasks: params.thinTasks ?? THIN_DEFAULTS.minTasks, minEpisodes: params.thinEpisodes ?? THIN_DEFAULTS.minEpisodes };
}

// TAXONOMY.md: where episodes read what they found, the strategy compared is label/reading.
function readingLines(groups: readonly string[]): string[] {
  if (groups.length === 0) return [];
  return [`compare: strategies are label/reading (e.g. single-shot/deep) in ${groups.join('; ')}, where episodes read what they found`];
}

async function inspectCompare(output: StageInput): Promise<string> {
  const lines = compareHeadlines(
    {
      decomposition: await decompositionTable.read(output),
      retrieval: await retrievalDecompositionTable.read(output),
      frequencies: await compareFrequenciesTable.read(output),
    },
    { thin: thinOf(output.manifest.params as { thinTasks?: number; thinEpisodes?: number }) },
  );
  const notes = (output.manifest.details.notes as string[] | undefined) ?? [];
  return [...lines, ...(notes.length ? ['', 'notes:', ...notes.map((n) => `  ${n}`)] : [])].join('\n');
}

/** The compare stage. */
export const compareStage = defineStage({
  name: 'compare',
  description: 'strategy frequencies, shift-share and retrieval-vs-integration decompositions of every policy vs the base policy',
  inputs: ['retrieval'],
  modes: ['analysis', 'merge'],
  // Episodes from ingest, or in a merge run the shards' summed cells. Without labels (or clusters) only
  // the retrieval-vs-integration decomposition can be computed.
  optionalInputs: ['ingest', 'merge', 'label', 'cluster'],
  params: CompareParams,
  cli: [
    BASE_FLAG,
    RESAMPLES_FLAG,
  ],
  inspect: inspectCompare,
  async run(ctx) {
    const { params } = ctx;
    const merged = ctx.hasInput('merge');
    const useClusters = params.clusters && ctx.hasInput('cluster');
    const definitions = await readDefinitions(ctx.input('retrieval'));
    // The per-task cells: from the episodes (joined with labels and clusters), or summed over shards.
    const source = merged ? await readMergedStats(ctx.input('merge')) : undefined;
    const hasLabels = merged ? source!.labeled : ctx.hasInput('label');
    const cells = source?.cells ?? (await readEpisodeCells(ctx.input('ingest'), { label: hasLabels ? ctx.input('label') : undefined, cluster: useClusters ? ctx.input('cluster') : undefined }));
    const schemes = [...(hasLabels ? (['label'] as const) : []), ...(useClusters ? (['cluster'] as const) : [])];

    const account = new EpisodeAccount('compare', episodesReceived(ctx.input(merged ? 'merge' : 'ingest').manifest));
    const perPolicy = new Map<string, number>();
    const policies = new Set<string>();
    const traced = new Set<string>();
    let episodes = 0;
    let unlabeled = 0;
    let unclustered = 0;
    const rows = cells.rows();
    for (const cell of rows) {
      episodes += cell.episodes;
      policies.add(cell.policy);
      // Strategies and retrieval are read from steps: an episode without any says nothing about them.
      if (!cell.traced) {
        account.leaveOut('trace_missing', cell.policy, cell.episodes);
        continue;
      }
      traced.add(cell.policy);
      perPolicy.set(cell.policy, (perPolicy.get(cell.policy) ?? 0) + cell.episodes);
      if (hasLabels && cell.label === null) unlabeled += cell.episodes;
      if (useClusters && cell.cluster === null) unclustered += cell.episodes;
    }
    const groups = groupsFromCells(rows, { schemes, definitions });
    const readingGroups = hasLabels ? groupsWithReads(rows) : [];
    const reference = resolveReference(params.base, policies);
    const base = reference.policy;
    if (!traced.has(base)) {
      // The reference has outcomes but no trace (or no episodes at all): there is no strategy to compare
      // against, while the rest of the run stays useful, so write empty tables and say why.
      const reason = `the reference policy "${base}" has no episodes with a trace (policies with one: ${[...traced].sort().join(', ') || 'none'}); choose another with --base <policy>`;
      ctx.log.warn(reason);
      await compareFrequenciesTable.write(ctx.out, []);
      await decompositionTable.write(ctx.out, []);
      await retrievalDecompositionTable.write(ctx.out, []);
      for (const [policy, n] of perPolicy) account.leaveOut('no_base_policy', policy, n);
      account.check();
      const skipped: StageResult = {
        counts: { ...account.counts(), episodes, groups: groups.length },
        summary: [...account.summary(), `compare: skipped — ${reason}`],
        details: { notes: [reason], ...account.details() },
      };
      return skipped;
    }

    // Unlabeled and unclustered episodes are used too, in a category of their own.
    account.use([...perPolicy.values()].reduce((sum, n) => sum + n, 0));
    account.check();
    const output = compareGroups(
      groups,
      { base, resamples: params.resamples, level: params.level, rng: createRng(ctx.seed), definitions, thin: thinOf(params) },
    );
    await compareFrequenciesTable.write(ctx.out, output.frequencies);
    await decompositionTable.write(ctx.out, output.decomposition);
    await retrievalDecompositionTable.write(ctx.out, output.retrieval);

    const notes = [...output.notes];
    if (unlabeled) notes.push(`${unlabeled} episodes had no rule label and were counted as "${UNLABELED}"`);
    if (unclustered) notes.push(`${unclustered} episodes had no cluster and were counted as "${UNCLUSTERED}"`);
    if (!hasLabels) notes.push('the label stage is not part of this run: strategy frequencies and the shift-share decomposition use clusters only, if any');
    if (params.clusters && !useClusters) notes.push('the cluster stage is not part of this run: cluster frequencies were not compared');
    for (const note of notes) ctx.log.warn(note);
    // The end-of-run summary shows the largest budget per family; `inspect` shows every budget.
    const headlines = compareHeadlines(
      { decomposition: output.decomposition, retrieval: output.retrieval, frequencies: output.frequencies },
      { largestBudgetOnly: true, details: false, thin: thinOf(params) },
    );
    return {
      counts: {
        ...account.counts(),
        episodes,
        groups: groups.length,
        frequency_rows: output.frequencies.length,
        decomposition_rows: output.decomposition.length,
        retrieval_rows: output.retrieval.length,
        unlabeled,
        unclustered,
      },
      summary: [
        ...referenceLines('compare', reference),
        ...account.summary(),
        ...readingLines(readingGroups),
        ...headlines.map((line) => `compare: ${line}`),
        'compare: every budget, the other shift-share variants and the frequency tests: npm run inspect -- compare',
      ],
      details: { ...account.details(), notes, schemes, reading_groups: readingGroups, definitions: Object.fromEntries(definitions), resamples: params.resamples, level: params.level },
    };
  },
});
