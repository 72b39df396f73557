/**
 * Compare: contrasts every policy with the base policy per family and budget — strategy frequencies
 * (rule labels, and clusters when the cluster stage ran), the shift-share decomposition of the accuracy
 * difference (reweighting / within-strategy / new strategies) and the retrieval-vs-integration
 * decomposition, all with task-clustered bootstrap intervals. Columns: docs/mechanism.md.
 */
import { z } from 'zod';
import { isOutcomeOnly, type EpisodeRow } from '../../../analyses/episode';
import { budgetKey } from '../../../analyses/mechanism/budget-key';
import { compareGroups } from '../../../analyses/mechanism/compare-group';
import { DECOMPOSITION_COLUMNS } from '../../../analyses/mechanism/decomposition-rows';
import { FREQUENCY_COLUMNS } from '../../../analyses/mechanism/frequency-rows';
import { createGroupBuilder, type GroupBuilder } from '../../../analyses/mechanism/group-episodes';
import { compareHeadlines } from '../../../analyses/mechanism/headline';
import { RETRIEVAL_DECOMPOSITION_COLUMNS } from '../../../analyses/mechanism/retrieval-rows';
import { RETRIEVAL_DEFINITIONS, type RetrievalDefinition, retrievalSuccess } from '../../../analyses/mechanism/retrieval-success';
import { createRng } from '../../../analyses/random/rng';
import { UserError } from '../../errors';
import { defineStage, type StageResult, type StageInput } from '../../runner/stage';
import { BASE_FLAG, RESAMPLES_FLAG } from '../../runner/shared-flags';
import { LeftOut } from '../../runner/episode-accounting';
import { BaseParam, referenceLines, resolveReference } from '../../runner/reference-policy';
import { readLabelStrategies, type LabelStrategies } from './label-strategies';
import { blankNaN } from '../retrieval/stage';

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
});

/** Category of an episode the label stage did not label (kept so the decomposition still covers every episode). */
export const UNLABELED = 'unlabeled';
/** Category of an episode the cluster stage did not assign. */
export const UNCLUSTERED = 'unclustered';

async function readCategories(input: StageInput, file: string, column: string): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  let line = 1;
  for await (const row of input.csvRows(file)) {
    line += 1;
    const id = row.id;
    const value = row[column];
    if (id === undefined || value === undefined) {
      throw new UserError(`${input.stage}/${file}: line ${line} has no "id" or "${column}" column.`, `Re-run the ${input.stage} stage (--force).`);
    }
    map.set(id, value);
  }
  return map;
}

async function readDefinitions(input: StageInput): Promise<Map<string, RetrievalDefinition>> {
  const definitions = new Map<string, RetrievalDefinition>();
  for (const row of await input.csv('retrieval.csv')) {
    const definition = RETRIEVAL_DEFINITIONS.find((d) => d === row.definition);
    if (row.family !== undefined && definition) definitions.set(row.family, definition);
  }
  return definitions;
}

// TAXONOMY.md: where episodes read what they found, the strategy compared is label/reading.
function readingLines(labeled: LabelStrategies | undefined): string[] {
  if (!labeled || labeled.groupsWithReads.size === 0) return [];
  return [`compare: strategies are label/reading (e.g. single-shot/deep) in ${[...labeled.groupsWithReads].sort().join('; ')}, where episodes read what they found`];
}

function asCsvStrings(row: object): Record<string, string> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' && Number.isNaN(v) ? '' : String(v)]));
}

async function inspectCompare(output: StageInput): Promise<string> {
  const lines = compareHeadlines({
    decomposition: await output.csv('decomposition.csv'),
    retrieval: await output.csv('retrieval_decomposition.csv'),
    frequencies: await output.csv('compare_frequencies.csv'),
  });
  const notes = (output.manifest.details.notes as string[] | undefined) ?? [];
  return [...lines, ...(notes.length ? ['', 'notes:', ...notes.map((n) => `  ${n}`)] : [])].join('\n');
}

/** The compare stage. */
export const compareStage = defineStage({
  name: 'compare',
  description: 'strategy frequencies, shift-share and retrieval-vs-integration decompositions of every policy vs the base policy',
  inputs: ['ingest', 'retrieval'],
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
    const labeled = ctx.hasInput('label') ? await readLabelStrategies(ctx.input('label')) : undefined;
    const labels = labeled?.strategies;
    const clusters = useClusters ? await readCategories(ctx.input('cluster'), 'clusters.csv', 'cluster') : undefined;
    const definitions = await readDefinitions(ctx.input('retrieval'));
    const schemes = [...(labels ? ['label'] : []), ...(clusters ? ['cluster'] : [])];

    const groups = new Map<string, GroupBuilder>();
    const policies = new Set<string>();
    const traced = new Set<string>();
    const leftOut = new LeftOut();
    let episodes = 0;
    let unlabeled = 0;
    let unclustered = 0;
    const progress = ctx.progress('episodes');
    for await (const row of ctx.input('ingest').jsonl<EpisodeRow>('episodes.jsonl')) {
      episodes += 1;
      progress.tick();
      policies.add(row.policy);
      // Strategies and retrieval are read from steps: an episode without any says nothing about them.
      if (isOutcomeOnly(row)) {
        leftOut.add('trace_missing', row.policy);
        continue;
      }
      traced.add(row.policy);
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
    const accounting = { ...leftOut.counts(episodes), episodes, groups: groups.size };
    if (!traced.has(base)) {
      // The reference has outcomes but no trace (or no episodes at all): there is no strategy to compare
      // against, while the rest of the run stays useful, so write empty tables and say why.
      const reason = `the reference policy "${base}" has no episodes with a trace (policies with one: ${[...traced].sort().join(', ') || 'none'}); choose another with --base <policy>`;
      ctx.log.warn(reason);
      await ctx.out.csv('compare_frequencies.csv', FREQUENCY_COLUMNS, []);
      await ctx.out.csv('decomposition.csv', DECOMPOSITION_COLUMNS, []);
      await ctx.out.csv('retrieval_decomposition.csv', RETRIEVAL_DECOMPOSITION_COLUMNS, []);
      const skipped: StageResult = { counts: accounting, summary: [...leftOut.lines('compare'), `compare: skipped — ${reason}`], details: { notes: [reason] } };
      return skipped;
    }

    const output = compareGroups(
      [...groups.values()].map((b) => b.group),
      { base, resamples: params.resamples, level: params.level, rng: createRng(ctx.seed), definitions },
    );
    await ctx.out.csv('compare_frequencies.csv', FREQUENCY_COLUMNS, output.frequencies.map(blankNaN));
    await ctx.out.csv('decomposition.csv', DECOMPOSITION_COLUMNS, output.decomposition.map(blankNaN));
    await ctx.out.csv('retrieval_decomposition.csv', RETRIEVAL_DECOMPOSITION_COLUMNS, output.retrieval.map(blankNaN));

    const notes = [...output.notes];
    if (unlabeled) notes.push(`${unlabeled} episodes had no rule label and were counted as "${UNLABELED}"`);

    if (unclustered) notes.push(`${unclustered} episodes had no cluster and were counted as "${UNCLUSTERED}"`);
    if (!labels) notes.push('the label stage is not part of this run: strategy frequencies and the shift-share decomposition use clusters only, if any');
    if (params.clusters && !useClusters) notes.push('the cluster stage is not part of this run: cluster frequencies were not compared');
    for (const note of notes) ctx.log.warn(note);
    // The end-of-run summary shows the largest budget per family; `inspect` shows every budget.
    const headlines = compareHeadlines(
      {
        decomposition: output.decomposition.map(asCsvStrings),
        retrieval: output.retrieval.map(asCsvStrings),
        frequencies: output.frequencies.map(asCsvStrings),
      },
      { largestBudgetOnly: true, details: false },
    );
    return {
      counts: {
        ...accounting,
        frequency_rows: output.frequencies.length,
        decomposition_rows: output.decomposition.length,
        retrieval_rows: output.retrieval.length,
        unlabeled,
        unclustered,
      },
      summary: [
        ...referenceLines('compare', reference),
        ...leftOut.lines('compare'),
        ...readingLines(labeled),
        ...headlines.map((line) => `compare: ${line}`),
        'compare: every budget, symmetric terms and frequency tests: npm run inspect -- compare',
      ],
      details: { notes, schemes, reading_groups: [...(labeled?.groupsWithReads ?? [])].sort(), definitions: Object.fromEntries(definitions), resamples: params.resamples, level: params.level },
    };
  },
});
