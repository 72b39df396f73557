/**
 * Label: gives every episode a strategy label (a registered labeler: TAXONOMY.md rules, or the tool-call
 * signature for non-search agents), its normalized query sequence and its audit features; counts unique
 * query sequences per (policy, task, budget) and their overlap with the base policy, with bootstrap
 * intervals over tasks; checks recovery of planted strategies on simulated data; optionally asks an LLM judge
 * for a second opinion on a sample and measures its agreement with the rules.
 *
 *   traces.jsonl ─► features ─► labeler ─┬─► labels.csv, features.jsonl, label_frequencies.csv
 *   tasks.jsonl  ─┘                      ├─► sequences.csv ─► diversity.csv
 *                                        ├─► label_accuracy.csv, label_confusion.csv (meta.true_strategy)
 *                                        └─► judge sample ─► judge_labels.csv, judge_agreement.json
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { Reservoir } from '../../../analyses/cluster/reservoir';
import { createRng } from '../../../analyses/random/rng';
import { Confusion } from '../../../analyses/strategy/agreement';
import { summarizeDiversity } from '../../../analyses/strategy/diversity';
import { LabelColumns } from '../../../analyses/strategy/label-columns';
import { LabelFrequencies } from '../../../analyses/strategy/label-frequencies';
import { LABELERS, type LabelerName } from '../../../analyses/strategy/labelers';
import { recoveryRows } from '../../../analyses/strategy/recovery';
import { TAXONOMY_LABELS } from '../../../analyses/strategy/rules';
import { TOOL_ROLES, toolRoleMatcher, type ToolRole } from '../../../analyses/strategy/tool-roles';
import { SequenceTally } from '../../../analyses/strategy/sequence-table';
import { ConfigError, StageError } from '../../errors';
import { judgeAndCompare, type JudgedEpisode } from '../../judge/compare';
import { judgeItem } from '../../judge/prompt';
import { EpisodeAccount, episodesReceived } from '../../runner/episode-account';
import { defineStage } from '../../runner/stage';
import { OrderedBatches } from '../../io/ordered-batches';
import { WorkerPool } from '../../runner/worker-pool';
import { lineLabeler, type LabelOutcome, type LabelSetup } from './label-line';
import { inspectLabels } from './inspect';
import { diversityTable } from '../../tables/diversity';
import { judgeLabelsTable } from '../../tables/judge-labels';
import { labelAccuracyTable } from '../../tables/label-accuracy';
import { labelConfusionTable } from '../../tables/label-confusion';
import { labelFrequenciesTable } from '../../tables/label-frequencies';
import { labelsTable } from '../../tables/labels';
import { sequencesTable } from '../../tables/sequences';
import { fixed, percent } from '../../../analyses/stats/format';
import { BASE_FLAG, RESAMPLES_FLAG, WORKERS_FLAG } from '../../runner/shared-flags';
import { compareText } from '../../../analyses/stats/compare-text';
import { featuresFile } from '../../tables/features';
import { taskTableFile } from '../../tables/task-table';
import { tracesFile } from '../../tables/traces';
import { BaseParam, referenceLines, resolveReference } from '../../runner/reference-policy';
import { ToolRoleTally } from './tool-role-tally';

const LABELER_ENUM = Object.keys(LABELERS) as [LabelerName, ...LabelerName[]];

/** Parameters of the label stage. */
export const LabelParams = z.object({
  /** Registered labeler: `auto`, `rules` or `signature`. */
  labeler: z.enum(LABELER_ENUM).default('auto'),
  /** Tool name (or `*` pattern) → role, before TAXONOMY.md's default name patterns (`--tool-role name=role`). */
  toolRoles: z.record(z.string().min(1), z.enum(TOOL_ROLES)).default({}),
  /** The policy other policies' query sequences are compared with; unset = resolved from the data. */
  base: BaseParam,
  /** Bootstrap resamples over tasks for diversity.csv. */
  resamples: z.number().int().min(0).default(1000),
  /** Confidence level of the bootstrap intervals. */
  level: z.number().gt(0).lt(1).default(0.95),
  /** OpenAI-compatible base URL of the LLM judge; the judge is off without it. */
  judgeUrl: z.string().url().optional(),
  judgeModel: z.string().min(1).default('gpt-4o-mini'),
  /** Episodes that may be sent to the judge model per run (cache hits are free). */
  judgeMaxCalls: z.number().int().min(0).default(500),
  /** Episodes sampled (seeded) for the judge. */
  judgeSample: z.number().int().min(1).max(100_000).default(500),
  judgeConcurrency: z.number().int().min(1).max(64).default(4),
  judgeTimeoutMs: z.number().int().positive().default(60_000),
  judgeRetries: z.number().int().min(0).max(10).default(3),
  /** Folder of the judge cache (relative to the working directory). */
  judgeCache: z.string().min(1).default('.cache/judge'),
  /** How the judge is asked for JSON: strict JSON schema, JSON mode, or the prompt only (servers without either). */
  judgeResponseFormat: z.enum(['json_schema', 'json_object', 'prompt']).default('json_schema'),
  /** Worker threads that label traces: a number (0 = none), or auto (cores, for inputs of 50,000 episodes or more, and never with the judge). */
  workers: z.union([z.literal('auto'), z.number().int().min(0).max(64)]).default('auto'),
});

type Params = z.infer<typeof LabelParams>;

const LABEL_WORKER = new URL('./label-worker.ts', import.meta.url).href;
const BATCH_LINES = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;
const WORKERS_FROM_EPISODES = 50_000;
const MAX_WORKERS = 4;

function positiveInt(flag: string) {
  return (value: string | boolean | string[]): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${flag} needs a whole number ≥ 0, got "${String(value)}".`);
    return n;
  };
}

/** The label stage. */
export const labelStage = defineStage({
  name: 'label',
  description: 'strategy labels, query sequences, audit features, sequence diversity vs the base policy, optional LLM judge',
  inputs: ['ingest'],
  modes: ['analysis', 'shard'],
  params: LabelParams,
  cli: [
    BASE_FLAG,
    { flags: '--labeler <name>', description: `strategy labeler: ${LABELER_ENUM.join(', ')} (default auto)`, param: 'labeler' },
    {
      flags: '--tool-role <name=role>',
      description: `give a tool a role (repeatable; role one of ${TOOL_ROLES.join(', ')}; name may use *), e.g. --tool-role open_url=read`,
      param: 'toolRoles',
      repeatable: true,
      parse: parseToolRoles,
    },
    RESAMPLES_FLAG,
    WORKERS_FLAG,
    { flags: '--judge-url <url>', description: 'OpenAI-compatible base URL of an LLM judge (off unless given; key from OPENAI_API_KEY)', param: 'judgeUrl' },
    { flags: '--judge-model <name>', description: 'judge model name (default gpt-4o-mini)', param: 'judgeModel' },
    { flags: '--judge-max-calls <n>', description: 'cap on episodes sent to the judge per run (default 500)', param: 'judgeMaxCalls', parse: positiveInt('--judge-max-calls') },
    { flags: '--judge-sample <n>', description: 'episodes sampled for the judge (default 500)', param: 'judgeSample', parse: positiveInt('--judge-sample') },
    { flags: '--judge-cache <dir>', description: 'judge cache folder (default .cache/judge)', param: 'judgeCache' },
  ],
  inspect: inspectLabels,
  async run(ctx) {
    const { params } = ctx;
    const ingest = ctx.input('ingest');
    const roleOf = toolRoleMatcher(params.toolRoles);
    const isSearch = (tool: string) => roleOf(tool) === 'search';
    const labeler = LABELERS[params.labeler];
    const rng = createRng(ctx.seed);

    const questions = new Map<string, string>();
    for await (const task of taskTableFile.stream(ingest)) questions.set(task.task, task.question);

    const columns = new LabelColumns();
    const tally = new SequenceTally();
    const frequencies = new LabelFrequencies();
    const truth = new Confusion();
    const truthByPolicy = new Map<string, Confusion>();
    const labelCounts = new Map<string, number>();
    const kinds = { taxonomy: 0, signature: 0 };
    const policies = new Set<string>();
    const roles = new ToolRoleTally(roleOf);
    const judgeSample = new Reservoir<JudgedEpisode>(params.judgeSample, rng.fork('judge-sample'));
    let missingQuestion = 0;
    const features = featuresFile.open(ctx.out);
    const progress = ctx.progress('label', Number(ingest.manifest.counts?.['accepted']) || undefined);

    const account = new EpisodeAccount('label', episodesReceived(ingest.manifest));
    let record = 0;
    const consume = async (outcome: LabelOutcome) => {
      record += 1;
      if (outcome.kind === 'invalid') throw new StageError(`ingest/traces.jsonl record ${record} ${outcome.reason}.`);
      if (outcome.kind !== 'labeled') {
        // No steps (an outcome-only episode) or a trace labeling failed on: left out, counted per policy.
        if (outcome.kind === 'unlabelable') ctx.log.warn(`ingest/traces.jsonl record ${record} ${outcome.reason}: left out`);
        policies.add(outcome.policy);
        account.leaveOut(outcome.kind === 'unlabelable' ? 'unlabelable' : 'trace_missing', outcome.policy);
        progress.tick();
        return;
      }
      const { labeled, trace } = outcome;
      policies.add(labeled.policy);
      roles.add(labeled.tools);
      if (outcome.missingQuestion) missingQuestion += 1;
      await features.writeSerialized(outcome.json);
      columns.add(labeled);
      tally.add(labeled);
      frequencies.add(labeled.policy, labeled.family, labeled.budget, labeled.label, labeled.true_strategy);
      labelCounts.set(labeled.label, (labelCounts.get(labeled.label) ?? 0) + 1);
      kinds[labeled.kind] += 1;
      if (labeled.true_strategy !== null) {
        truth.add(labeled.true_strategy, labeled.label);
        let perPolicy = truthByPolicy.get(labeled.policy);
        if (!perPolicy) truthByPolicy.set(labeled.policy, (perPolicy = new Confusion()));
        perPolicy.add(labeled.true_strategy, labeled.label);
      }
      if (trace && labeled.kind === 'taxonomy') {
        judgeSample.offer({ item: judgeItem(trace, questions.get(trace.task) ?? '', isSearch), policy: labeled.policy, task: labeled.task, ruleLabel: labeled.label });
      }
      progress.tick();
    };

    // The judge needs whole traces on the main thread; otherwise large inputs are labeled by worker threads.
    const keepTrace = Boolean(params.judgeUrl);
    const episodes = Number(ingest.manifest.counts?.['accepted']) || 0;
    const workers = params.workers === 'auto' ? (keepTrace || episodes < WORKERS_FROM_EPISODES ? 0 : Math.min(MAX_WORKERS, availableParallelism())) : params.workers;
    const setup: LabelSetup = { questions: [...questions], toolRoles: params.toolRoles, labeler: params.labeler, keepTrace };
    const pool = workers > 0 ? new WorkerPool<string[], LabelOutcome[]>(LABEL_WORKER, workers, setup) : undefined;
    const batches = new OrderedBatches(pool, lineLabeler(setup), consume, { items: BATCH_LINES, bytes: BATCH_BYTES });
    try {
      // Length in UTF-16 units stands in for bytes: it only decides which traces are too big for a worker.
      for await (const line of ingest.lines(tracesFile.file)) await batches.add(line, line.length);
      await batches.flush();
    } finally {
      await pool?.close();
    }
    progress.stop();
    await features.close();
    if (missingQuestion > 0) ctx.log.warn(`label: ${missingQuestion} episodes have no task question (labeled against an empty question).`);

    account.use(columns.size);
    account.check();
    const reference = resolveReference(params.base, policies);
    const base = reference.policy;
    await labelsTable.write(ctx.out, columns.rows());
    const sequenceRows = tally.rows(base);
    await sequencesTable.write(ctx.out, sequenceRows);
    const hasBase = sequenceRows.some((row) => row.policy === base);
    if (columns.size > 0 && !hasBase) ctx.log.warn(`label: the reference policy "${base}" has no labeled episodes; overlap columns are empty.`);
    const diversity = summarizeDiversity(sequenceRows, rng.fork('diversity'), { base, resamples: params.resamples, level: params.level });
    await diversityTable.write(ctx.out, diversity);
    await labelFrequenciesTable.write(ctx.out, frequencies.rows(TAXONOMY_LABELS));

    const summary = [
      ...referenceLines('label', reference),
      `label: ${columns.size} episodes, labeler ${params.labeler} (${kinds.taxonomy} taxonomy, ${kinds.signature} signature), ${columns.distinctSequences} distinct query sequences`,
      `label: ${describeCounts(labelCounts, columns.size)}`,
      ...account.summary(),
      `label: ${roles.describe()}`,
      ...(roles.hasReads ? [`label: reading ${describeCounts(columns.readingCounts(), columns.size)} (distinct read targets: none 0, brief 1-2, deep 3+)`] : []),
    ];
    const details: Record<string, unknown> = {
      labeler: { name: params.labeler, description: labeler.description, params: { toolRoles: params.toolRoles } },
      label_counts: Object.fromEntries(labelCounts),
      tool_roles: roles.toJSON(params.toolRoles),
      missing_question: missingQuestion,
      base,
      ...account.details(),
    };

    if (truth.total > 0) {
      const recovery = recoveryRows(truth, truthByPolicy, TAXONOMY_LABELS);
      await labelAccuracyTable.write(ctx.out, recovery);
      const confusionRows = [['all', truth] as const, ...[...truthByPolicy].sort(([a], [b]) => compareText(a, b))].flatMap(([policy, confusion]) =>
        confusion.rows(TAXONOMY_LABELS).map((row) => ({ policy, true_label: row.reference, label: row.predicted, episodes: row.episodes })),
      );
      await labelConfusionTable.write(ctx.out, confusionRows);
      const perClass = recovery.filter((row) => row.policy === 'all' && row.true_label !== 'all');
      summary.push(
        `label: planted strategies recovered ${percent(truth.accuracy())} of ${truth.total} (${perClass.map((row) => `${row.true_label} ${percent(row.accuracy)}`).join(', ')})`,
      );
      details['recovery'] = {
        accuracy: truth.accuracy(),
        per_class: Object.fromEntries(perClass.map((row) => [row.true_label, row.accuracy])),
        confusion: truth.toObject(TAXONOMY_LABELS),
      };
    }

    // The console shows each family's largest budget (where policies differ most); diversity.csv has every budget.
    const largest = new Map<string, number | null>();
    for (const row of diversity) {
      const current = largest.get(row.family);
      if (current === undefined || (row.budget !== null && (current === null || row.budget > current))) largest.set(row.family, row.budget);
    }
    const shown = diversity.filter((row) => row.budget === largest.get(row.family)).sort((x, y) => compareText(x.family, y.family) || compareText(x.policy, y.policy));
    for (const row of shown.slice(0, 12)) {
      // The base policy's own sequences are all "in base": its share says nothing.
      const overlap = row.share_in_base === null || row.policy === base ? '' : `, share in ${base} ${fixed(row.share_in_base, 2)} [${fixed(row.share_in_base_ci_low!, 2)}, ${fixed(row.share_in_base_ci_high!, 2)}]`;
      summary.push(
        `diversity: ${row.policy} ${row.family} T=${row.budget ?? 'uncapped'}: ${fixed(row.mean_unique, 2)} unique sequences/task [${fixed(row.unique_ci_low, 2)}, ${fixed(row.unique_ci_high, 2)}] over ${row.tasks} tasks${overlap}`,
      );
    }
    if (diversity.length > Math.min(shown.length, 12)) summary.push(`diversity: … ${diversity.length - Math.min(shown.length, 12)} more rows (every budget) in diversity.csv`);

    if (params.judgeUrl) {
      const { rows, agreement } = await judgeAndCompare(judgeSample.sample(), {
        url: params.judgeUrl,
        model: params.judgeModel,
        apiKey: process.env['OPENAI_API_KEY'],
        maxCalls: params.judgeMaxCalls,
        concurrency: params.judgeConcurrency,
        timeoutMs: params.judgeTimeoutMs,
        retries: params.judgeRetries,
        cacheDir: params.judgeCache,
        responseFormat: params.judgeResponseFormat,
      });
      await judgeLabelsTable.write(ctx.out, rows);
      await ctx.out.json('judge_agreement.json', agreement);
      details['judge'] = { ...agreement, sample: params.judgeSample, max_calls: params.judgeMaxCalls };
      const s = agreement.stats;
      summary.push(
        `judge: ${agreement.model} on ${s.episodes} sampled episodes: ${s.cache_hits} cached, ${s.model_calls} sent (${s.retries} retries), ${s.failed} failed, ${s.skipped_by_cap} over the cap` +
          (agreement.kappa === null ? '' : `; agreement with rules ${percent(agreement.accuracy!)}, Cohen's kappa ${fixed(agreement.kappa, 2)} on ${agreement.compared}`),
      );
    }

    return {
      counts: {
        ...account.counts(),
        episodes: columns.size,
        sequences: columns.distinctSequences,
        ...Object.fromEntries([...labelCounts].map(([label, n]) => [`label:${label}`, n])),
      },
      summary,
      details,
    };
  },
});

// `--tool-role open_url=read` (repeatable) → { open_url: 'read' }; the name may itself contain '='.
function parseToolRoles(value: string | boolean | string[]): Record<string, ToolRole> {
  const roles: Record<string, ToolRole> = {};
  for (const entry of Array.isArray(value) ? value : [String(value)]) {
    const cut = entry.lastIndexOf('=');
    const name = entry.slice(0, cut).trim();
    const role = entry.slice(cut + 1).trim();
    if (cut <= 0 || name === '' || !(TOOL_ROLES as readonly string[]).includes(role)) {
      throw new ConfigError(`--tool-role "${entry}" is not name=role.`, `Write --tool-role <tool name>=<role>, role one of ${TOOL_ROLES.join(', ')} (e.g. --tool-role open_url=read).`);
    }
    roles[name] = role as ToolRole;
  }
  return roles;
}

function describeCounts(counts: ReadonlyMap<string, number>, total: number): string {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  const shown = sorted.slice(0, 10).map(([label, n]) => `${label} ${percent(n / total)}`);
  return sorted.length > 10 ? `${shown.join(', ')}, … ${sorted.length - 10} more` : shown.join(', ') || 'no episodes';
}

