/**
 * Compare: contrasts every policy (policy_a) with the base policy (policy_b) per family and budget,
 * every difference a − b — strategy frequencies (rule labels, and clusters when the cluster stage ran)
 * with a Rao–Scott test clustered by task, the shift-share decomposition of the accuracy difference
 * (reweighting / within-strategy / new / lost strategies, thin terms flagged) and the
 * retrieval-vs-integration decomposition, all with task-clustered bootstrap intervals. Columns:
 * docs/mechanism.md.
 */
import { z } from 'zod';
import { budgetKey } from '../../../analyses/budget';
import { compareGroups } from '../../../analyses/mechanism/compare-group';
import { createGroupBuilder, type GroupBuilder } from '../../../analyses/mechanism/group-episodes';
import { compareHeadlines } from '../../../analyses/mechanism/headline';
import { THIN_DEFAULTS, type ThinThresholds } from '../../../analyses/mechanism/thin-terms';
import { type RetrievalDefinition, retrievalSuccess } from '../../../analyses/mechanism/retrieval-success';
import { createRng } from '../../../analyses/random/rng';
import { EpisodeAccount, episodesReceived } from '../../runner/episode-account';
import { defineStage, type StageResult, type StageInput } from '../../runner/stage';
import { BASE_FLAG, RESAMPLES_FLAG } from '../../runner/shared-flags';
import { clustersTable } from '../../tables/clusters';
import { compareFrequenciesTable } from '../../tables/compare-frequencies';
import { decompositionTable } from '../../tables/decomposition';
import { labelsTable } from '../../tables/labels';
import { retrievalTable } from '../../tables/retrieval';
import { retrievalDecompositionTable } from '../../tables/retrieval-decomposition';
import { episodesFile } from '../../tables/episodes';
import { isOutcomeOnly } from '../../../analyses/episode';
import { BaseParam, referenceLines, resolveReference } from '../../runner/reference-policy';
import { readLabelStrategies, type LabelStrategies } from './label-strategies';

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

/** Category of an episode the label stage did not label (kept so the decomposition still covers every episode). */
export const UNLABELED = 'unlabeled';
/** Category of an episode the cluster stage did not assign. */
export const UNCLUSTERED = 'unclustered';

/** Episode id → category (strategy label or cluster) from a per-episode table. */
async function readCategories<R extends { id: string }>(rows: AsyncIterable<R>, category: (row: R) => string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for await (const row of rows) map.set(row.id, category(row));
  return map;
}

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
function readingLines(labeled: LabelStrategies | undefined): string[] {
  if (!labeled || labeled.groupsWithReads.size === 0) return [];
  return [`compare: strategies are label/reading (e.g. single-shot/deep) in ${[...labeled.groupsWithReads].sort().join('; ')}, where episodes read what they found`];
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
  inputs: ['ingest', 'retrieval'],
  modes: ['analysis'],
  // Without labels (or clusters) only the retrieval-vs-integration decomposition can be computed.
  optionalInputs: ['label', 'cluster'],
  params: CompareParams,
  cli: [
    BASE_FLAG,
    RESAMPLES_FLAG,
  ],
  inspect: inspectCompare,
  async run(ctx) {
    const { params } = ctx;
    const useClusters = params.clusters && ctx.hasInput('cluster');
    const labeled = ctx.hasInput('label') ? await readLabelStrategies(labelsTable.stream(ctx.input('label'))) : undefined;
    const labels = labeled?.strategies;
    const clusters = useClusters ? await readCategories(clustersTable.stream(ctx.input('cluster')), (row) => String(row.cluster)) : undefined;
    const definitions = await readDefinitions(ctx.input('retrieval'));
    const schemes = [...(labels ? ['label'] : []), ...(clusters ? ['cluster'] : [])];

    const ingest = ctx.input('ingest');
    const account = new EpisodeAccount('compare', episodesReceived(ingest.manifest));
    const perPolicy = new Map<string, number>();
    const groups = new Map<string, GroupBuilder>();
    const policies = new Set<string>();
    const traced = new Set<string>();
    let episodes = 0;
    let unlabeled = 0;
    let unclustered = 0;
    const progress = ctx.progress('episodes');
    for await (const row of episodesFile.stream(ingest)) {
      episodes += 1;
      progress.tick();
      policies.add(row.policy);
      // Strategies and retrieval are read from steps: an episode without any says nothing about them.
      if (isOutcomeOnly(row)) {
        account.leaveOut('trace_missing', row.policy);
        continue;
      }
      traced.add(row.policy);
      perPolicy.set(row.policy, (perPolicy.get(row.policy) ?? 0) + 1);
      const budget = budgetKey(row.budget);
      const key = JSON.stringify([row.family, budget]);
      let builder = groups.get(key);
      if (!builder) {
        builder = createGroupBuilder(row.family, budget, schemes);
        groups.set(key, builder);
      }
      const strategies: string[] = [];
      if (labels) {
        const label = labels.get(row.id);
        if (label === undefined) unlabeled += 1;
        strategies.push(label ?? UNLABELED);
      }
      if (clusters) {
        const cluster = clusters.get(row.id);
        if (cluster === undefined) unclustered += 1;
        strategies.push(cluster ?? UNCLUSTERED);
      }
      const definition = definitions.get(row.family);
      builder.add({
        policy: row.policy,
        task: row.task,
        correct: row.correct,
        retrieved: definition ? retrievalSuccess(row, definition) : null,
        strategies,
      });
    }
    progress.stop();
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
        counts: { ...account.counts(), episodes, groups: groups.size },
        summary: [...account.summary(), `compare: skipped — ${reason}`],
        details: { notes: [reason], ...account.details() },
      };
      return skipped;
    }

    // Unlabeled and unclustered episodes are used too, in a category of their own.
    account.use([...perPolicy.values()].reduce((sum, n) => sum + n, 0));
    account.check();
    const output = compareGroups(
      [...groups.values()].map((b) => b.group),
      { base, resamples: params.resamples, level: params.level, rng: createRng(ctx.seed), definitions, thin: thinOf(params) },
    );
    await compareFrequenciesTable.write(ctx.out, output.frequencies);
    await decompositionTable.write(ctx.out, output.decomposition);
    await retrievalDecompositionTable.write(ctx.out, output.retrieval);

    const notes = [...output.notes];
    if (unlabeled) notes.push(`${unlabeled} episodes had no rule label and were counted as "${UNLABELED}"`);
    if (unclustered) notes.push(`${unclustered} episodes had no cluster and were counted as "${UNCLUSTERED}"`);
    if (!labels) notes.push('the label stage is not part of this run: strategy frequencies and the shift-share decomposition use clusters only, if any');
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
        groups: groups.size,
        frequency_rows: output.frequencies.length,
        decomposition_rows: output.decomposition.length,
        retrieval_rows: output.retrieval.length,
        unlabeled,
        unclustered,
      },
      summary: [
        ...referenceLines('compare', reference),
        ...account.summary(),
        ...readingLines(labeled),
        ...headlines.map((line) => `compare: ${line}`),
        'compare: every budget, the other shift-share variants and the frequency tests: npm run inspect -- compare',
      ],
      details: { ...account.details(), notes, schemes, reading_groups: [...(labeled?.groupsWithReads ?? [])].sort(), definitions: Object.fromEntries(definitions), resamples: params.resamples, level: params.level },
    };
  },
});
