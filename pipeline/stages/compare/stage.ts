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

/** Parameters of the compare stage. */
export const CompareParams = z.object({
  /** The reference policy every other policy is compared with. */
  base: z.string().min(1).default('base'),
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
    const labels = ctx.hasInput('label') ? await readCategories(labelsTable.stream(ctx.input('label')), (row) => row.label) : undefined;
    const clusters = useClusters ? await readCategories(clustersTable.stream(ctx.input('cluster')), (row) => String(row.cluster)) : undefined;
    const definitions = await readDefinitions(ctx.input('retrieval'));
    const schemes = [...(labels ? ['label'] : []), ...(clusters ? ['cluster'] : [])];

    const ingest = ctx.input('ingest');
    const account = new EpisodeAccount('compare', episodesReceived(ingest.manifest));
    const perPolicy = new Map<string, number>();
    const groups = new Map<string, GroupBuilder>();
    const policies = new Set<string>();
    let episodes = 0;
    let unlabeled = 0;
    let unclustered = 0;
    const progress = ctx.progress('episodes');
    for await (const row of episodesFile.stream(ingest)) {
      episodes += 1;
      progress.tick();
      policies.add(row.policy);
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
    if (!policies.has(params.base)) {
      // Nothing to compare against (e.g. one imported policy): the rest of the run stays useful, so
      // write empty tables and say how to choose a reference instead of failing the whole pipeline.
      const reason = `the base policy "${params.base}" has no episodes (policies: ${[...policies].sort().join(', ') || 'none'}); choose the reference with --base <policy>`;
      ctx.log.warn(reason);
      await compareFrequenciesTable.write(ctx.out, []);
      await decompositionTable.write(ctx.out, []);
      await retrievalDecompositionTable.write(ctx.out, []);
      for (const [policy, n] of perPolicy) account.leaveOut('no_base_policy', policy, n);
      account.check();
      const skipped: StageResult = {
        counts: { ...account.counts(), episodes, groups: groups.size },
        summary: [`compare: skipped — ${reason}`, ...account.summary()],
        details: { notes: [reason], ...account.details() },
      };
      return skipped;
    }

    // Unlabeled and unclustered episodes are used too, in a category of their own.
    account.use(episodes);
    account.check();
    const output = compareGroups(
      [...groups.values()].map((b) => b.group),
      { base: params.base, resamples: params.resamples, level: params.level, rng: createRng(ctx.seed), definitions, thin: thinOf(params) },
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
      summary: [...headlines.map((line) => `compare: ${line}`), 'compare: every budget, the other shift-share variants and the frequency tests: npm run inspect -- compare'],
      details: { notes, schemes, definitions: Object.fromEntries(definitions), resamples: params.resamples, level: params.level },
    };
  },
});
