/**
 * Ingest: streams tasks and trajectories, validates them against FORMAT.md, resolves defaults, and
 * writes compact rows (`episodes.jsonl`, and `episodes.arrow` for columnar tools), slim traces (`traces.jsonl`), the task table (`tasks.jsonl`)
 * and every rejected record with its file, line and reason (`rejects.jsonl`). read = accepted + rejected.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { z } from 'zod';
import { StrictRejectError } from '../../errors';
import { TaskSchema, type TaskInput } from '../../formats/task';
import { loadHotpotqa } from '../../environment/hotpotqa/load-hotpotqa';
import { readLines, type SourceLine } from '../../io/lines';
import type { EpisodeRow } from '../../../analyses/episode';
import { processRecord, serializeEpisode, unprocessable, type ProcessorSettings, type RecordOutcome } from './process-record';
import { OrderedBatches } from '../../io/ordered-batches';
import { parseableLineBytes } from '../../io/line-limits';
import { WorkerPool } from '../../runner/worker-pool';
import { lineLimit, parseRecord, type RecordLimits } from './parse-record';
import { RejectLog, type Reject } from './rejects';
import { resolveEpisode, type ResultDocuments } from './resolve-episode';
import { IngestTally } from './summary';
import { EpisodeColumns } from './episode-columns';
import { TaskIndex } from './task-index';
import { defineStage, type StageContext, type StageInput } from '../../runner/stage';
import { SOURCE_STAGE_NAMES } from '../names';
import { formatIngestSummary } from './inspect';
import { WORKERS_FLAG } from '../../runner/shared-flags';
import { perPolicyText } from '../../runner/episode-account';
import { episodesFile } from '../../tables/episodes';
import { type IngestSummary, ingestSummaryFile } from '../../tables/ingest-summary';
import { taskTableFile } from '../../tables/task-table';
import { tracesFile } from '../../tables/traces';
import { recordPositionsFile } from '../../tables/record-positions';
import { CoalescedLines, type EncodedLines } from './encoded-lines';
import type { ImportTally } from '../../tables/imports';

const MiB = 1024 * 1024;

/** Parameters of the ingest stage. */
export const IngestParams = z.object({
  /**
   * A user tasks file (`tasks.jsonl[.gz]`), or `hotpotqa:<file.json>` for HotpotQA distractor-setting
   * JSON converted on the fly; overrides the source stage's tasks.
   */
  tasks: z.string().optional(),
  /** User trajectory files (`.jsonl[.gz]`), read after the source stage's trajectories. */
  trajectories: z.array(z.string()).default([]),
  /** Lines longer than this are rejected without being held in memory. */
  maxLineBytes: z.number().int().positive().default(64 * MiB),
  /** Records whose free-form JSON (`meta`, call `args`) nests deeper than this many levels are rejected. */
  maxDepth: z.number().int().min(2).default(1000),
  /** Accept lines with invalid UTF-8 (bad bytes become U+FFFD, and are counted) instead of rejecting them. */
  lenientUtf8: z.boolean().default(false),
  /**
   * Process only one slice of the records: record r (counted over all trajectory files, blank lines
   * excluded) belongs to shard r mod count. Tasks are read whole by every shard.
   */
  /**
   * Write `traces.jsonl`, the slim traces the label stage reads. Left out by the planner when the run
   * plans no label stage (serializing every result text is a fifth of ingest's work).
   */
  traces: z.boolean().default(true),
  /** Worker threads that parse and resolve records: a number (0 = none), or auto (cores, when the input is large). */
  workers: z.union([z.literal('auto'), z.number().int().min(0).max(64)]).default('auto'),
  shard: z
    .object({ index: z.number().int().min(0), count: z.number().int().min(1) })
    .refine((s) => s.index < s.count, { message: 'shard index must be below the shard count (e.g. 0/4 … 3/4)' })
    .optional(),
});

type Params = z.infer<typeof IngestParams>;

/** The stages that can feed ingest: the run's source (at most one is planned). */
const SOURCE_STAGES = SOURCE_STAGE_NAMES;

/** One input file of ingest: an upstream stage's file or an external one. */
interface InputFile {
  label: string;
  path: string;
}

/** The ingest stage. */
export const ingestStage = defineStage({
  name: 'ingest',
  description: 'validate, score and compact the trajectories; reject bad records with reasons',
  inputs: [],
  // The run's source stage, when it has one (trajectory files given on the command line need none).
  optionalInputs: SOURCE_STAGES,
  modes: ['analysis', 'shard'],
  requestsMode: (params) => (params.shard !== undefined ? 'shard' : undefined),
  // Nothing but the label stage reads the traces: a run without it does not write them.
  withPlan: (params, planned) => (planned.has('label') || params.traces !== undefined ? params : { ...params, traces: false }),
  params: IngestParams,
  externalFiles: (params) => [...(params.tasks ? [stripTaskFormat(params.tasks)] : []), ...params.trajectories],
  cliGroup: 'input',
  cli: [
    { flags: '--tasks <file>', description: 'tasks file (tasks.jsonl or .jsonl.gz), or hotpotqa:<file.json> (HotpotQA distractor JSON)', param: 'tasks' },
    {
      flags: '--trajectories <files...>',
      description: 'trajectory files (.jsonl or .jsonl.gz); several allowed',
      param: 'trajectories',
    },
    {
      flags: '--shard <i/N>',
      description: 'ingest only shard i of N (records r with r mod N = i); combine shard runs with --merge',
      param: 'shard',
      parse: (value) => parseShard(String(value)),
      group: 'performance',
    },
    WORKERS_FLAG,
    {
      flags: '--max-line-bytes <n>',
      description: 'reject lines longer than this many bytes (default 64 MiB)',
      param: 'maxLineBytes',
      parse: (value) => Number(value),
      group: 'performance',
    },
    {
      flags: '--max-depth <n>',
      description: 'reject records whose meta or call args nest deeper than this (default 1000)',
      param: 'maxDepth',
      parse: (value) => Number(value),
    },
    { flags: '--lenient-utf8', description: 'accept invalid UTF-8 (replaced by U+FFFD and counted) instead of rejecting the record', param: 'lenientUtf8' },
  ],
  inspect: formatIngestSummary,
  async run(ctx) {
    const { params } = ctx;
    const sourceStage = SOURCE_STAGES.find((stage) => ctx.hasInput(stage));
    const source = sourceStage ? ctx.input(sourceStage) : undefined;
    const rejectWriter = ctx.out.jsonl('rejects.jsonl');
    const rejects = new RejectLog(rejectWriter);
    const reject = async (entry: Reject) => {
      if (ctx.settings.strict) {
        throw new StrictRejectError(
          `--strict: ${entry.file}:${entry.line}: ${entry.reason}.`,
          'Fix the record, or run without --strict to continue and collect every reject in rejects.jsonl.',
        );
      }
      await rejects.add(entry);
    };

    const taskFile = params.tasks
      ? { label: params.tasks, path: ctx.externalFiles[0]! }
      : source?.has('tasks.jsonl')
        ? { label: `${source.stage}/tasks.jsonl`, path: source.path('tasks.jsonl') }
        : undefined;
    const limits: RecordLimits = { maxLineBytes: params.maxLineBytes, parseableBytes: parseableLineBytes(), maxDepth: params.maxDepth, lenientUtf8: params.lenientUtf8 };
    const tasks = new TaskIndex();
    let taskLines = 0;
    if (taskFile && params.tasks?.startsWith(HOTPOTQA_PREFIX)) taskLines = readHotpotqaTasks(taskFile.path, tasks);
    else if (taskFile) taskLines = await readTasks(taskFile, tasks, reject, limits);
    const tasksRejected = rejects.count;

    const files: InputFile[] = [
      ...(source?.has('trajectories.jsonl') ? [{ label: `${source.stage}/trajectories.jsonl`, path: source.path('trajectories.jsonl') }] : []),
      ...params.trajectories.map((label, i) => ({ label, path: ctx.externalFiles[(params.tasks ? 1 : 0) + i]! })),
    ];
    const upstreamRejects = source?.has('rejects.jsonl') ? await passUpstreamRejects(source, rejects) : 0;
    const episodes = await readTrajectories(ctx, files, tasks, { tasksGiven: Boolean(taskFile), limits, traces: params.traces }, reject);
    await rejectWriter.close();

    const taskWriter = taskTableFile.open(ctx.out);
    for (const row of tasks.rows()) await taskWriter.write(row);
    await taskWriter.close();

    const read = episodes.read + upstreamRejects;
    const rejected = rejects.count - tasksRejected;
    const summary: IngestSummary = {
      read,
      accepted: episodes.accepted,
      rejected,
      rejected_by_source: upstreamRejects,
      ...(params.lenientUtf8 ? { utf8_replaced: episodes.utf8Replaced } : {}),
      matched_by_question: episodes.matchedByQuestion,
      blank_lines: episodes.blank,
      tasks: { read: taskLines, accepted: tasks.size, rejected: tasksRejected, derived: !taskFile },
      reject_reasons: rejects.categories(),
      cells: episodes.tally.table(),
      score_histogram: episodes.tally.scoreHistogram,
      inputs: [...(taskFile ? [taskFile.label] : []), ...files.map((file) => file.label)],
      // Per-adapter counts of the import stage, so `inspect ingest` shows where the records came from.
      sources: (source?.manifest.details.imports as ImportTally[] | undefined) ?? [],
    };
    await ingestSummaryFile.write(ctx.out, summary);
    const lines = [
      ...(params.shard ? [`ingest: shard ${params.shard.index}/${params.shard.count} (records r with r mod ${params.shard.count} = ${params.shard.index})`] : []),
      `ingest: read ${read}, accepted ${episodes.accepted}, rejected ${rejected}` +
        (upstreamRejects ? ` (${upstreamRejects} by the import adapters)` : '') +
        (rejected ? ' — reasons in rejects.jsonl' : ''),
      `ingest: tasks ${tasks.size}${taskFile ? ` (read ${taskLines}, rejected ${tasksRejected})` : ' (derived from trajectories)'}` +
        (episodes.matchedByQuestion ? `, ${episodes.matchedByQuestion} episodes matched to tasks by question text` : ''),
      ...(episodes.utf8Replaced ? [`ingest: ${episodes.utf8Replaced} records held invalid UTF-8, replaced by U+FFFD (--lenient-utf8)`] : []),
      ...incompleteTraceLines(episodes.tally),
    ];
    return {
      counts: { read, accepted: episodes.accepted, rejected, tasks: tasks.size, tasks_rejected: tasksRejected, ...(params.lenientUtf8 ? { utf8_replaced: episodes.utf8Replaced } : {}) },
      summary: lines,
      details: {
        reject_reasons: summary.reject_reasons,
        policies: episodes.tally.policies(),
        documents: episodes.tally.documentCounts(),
        incomplete_traces: {
          partial: Object.fromEntries(episodes.tally.incompleteTraces.partial),
          missing: Object.fromEntries(episodes.tally.incompleteTraces.missing),
        },
      },
    };
  },
});

// Outcome-only and cut episodes are accepted, but the user should know the trace stages will treat them apart.
function incompleteTraceLines(tally: IngestTally): string[] {
  const lines: string[] = [];
  const { missing, partial } = tally.incompleteTraces;
  if (missing.size > 0) {
    lines.push(`ingest: ${sumOf(missing)} episodes have no trace (outcome only: counted by passkt and boundary, left out of retrieval, label, cluster and compare): ${perPolicyText(missing)}`);
  }
  if (partial.size > 0) lines.push(`ingest: ${sumOf(partial)} episodes have a partial trace (steps cut): ${perPolicyText(partial)}`);
  return lines;
}

function sumOf(counts: Map<string, number>): number {
  return [...counts.values()].reduce((a, b) => a + b, 0);
}

async function readTasks(
  file: InputFile,
  tasks: TaskIndex,
  reject: (entry: Reject) => Promise<void>,
  limits: RecordLimits,
): Promise<number> {
  let read = 0;
  for await (const line of readLines(file.path, { maxLineBytes: lineLimit(limits) })) {
    if (!line.tooLong && line.text.trim() === '') continue;
    read += 1;
    const parsed = parseRecord<TaskInput>(line, TaskSchema, limits);
    if (!parsed.ok) await reject({ file: file.label, line: line.line, kind: 'task', category: parsed.category, reason: parsed.reason });
    else if (!tasks.add(parsed.value)) {
      await reject({ file: file.label, line: line.line, kind: 'task', category: 'duplicate task id', reason: `duplicate task id "${parsed.value.task}"` });
    }
  }
  return read;
}

// Rejects made by an import adapter count as read-and-rejected records of this run.
async function passUpstreamRejects(source: StageInput, rejects: RejectLog): Promise<number> {
  let count = 0;
  for await (const entry of source.jsonl<{ file: string; line: number; reason: string; category?: string }>('rejects.jsonl')) {
    count += 1;
    await rejects.add({ file: entry.file, line: entry.line, kind: 'trajectory', category: entry.category ?? `${source.stage} adapter`, reason: entry.reason });
  }
  return count;
}

async function readTrajectories(
  ctx: StageContext<Params>,
  files: InputFile[],
  tasks: TaskIndex,
  settings: ProcessorSettings,
  reject: (entry: Reject) => Promise<void>,
) {
  const rowWriter = episodesFile.open(ctx.out);
  const traceWriter = ctx.params.traces ? tracesFile.open(ctx.out) : undefined;
  const rows = new CoalescedLines(rowWriter);
  const traces = traceWriter ? new CoalescedLines(traceWriter) : undefined;
  // A shard records where each accepted episode stands in the whole input, so a merge can order them.
  const positions = ctx.params.shard ? recordPositionsFile.open(ctx.out) : undefined;
  const pendingOrdinals: number[] = [];
  const tally = new IngestTally();
  const columns = new EpisodeColumns();
  const seenIds = new Set<string>();
  const samples = new Map<string, number>();
  const counts = { read: 0, accepted: 0, blank: 0, matchedByQuestion: 0, utf8Replaced: 0 };
  const workers = await workerCount(ctx.params.workers, files);
  const pool = workers > 0 ? new WorkerPool<SourceLine[], RecordOutcome[]>(RECORD_WORKER, workers, { tasks: tasks.rows(), settings }) : undefined;
  if (pool) ctx.log.info(`parsing with ${workers} worker threads`);
  const progress = ctx.progress('episodes');
  let file = files[0]!;

  // An episode without `sample` is numbered by its arrival in its (policy, task, budget) cell.
  const resolveUnnumbered = (outcome: Extract<RecordOutcome, { kind: 'unnumbered' }>): { row: EpisodeRow; rowJson: string; traceJson: string; encoded?: EncodedLines; documents: ResultDocuments } | { category: string; reason: string } => {
    const task = tasks.get(outcome.task)!;
    const cellKey = `${outcome.trajectory.policy}\u0000${task.row.task}\u0000${outcome.trajectory.budget ?? ''}`;
    const arrival = samples.get(cellKey) ?? 0;
    samples.set(cellKey, arrival + 1);
    try {
      const resolved = resolveEpisode(outcome.trajectory, task, null, arrival);
      if (typeof resolved === 'string') return { category: 'no verdict', reason: resolved };
      const serialized = serializeEpisode(resolved, settings.limits);
      return 'reason' in serialized ? serialized : { row: resolved.row, ...serialized, documents: resolved.documents };
    } catch (error) {
      return unprocessable(error);
    }
  };

  // Outcomes are applied strictly in input order: ids, default sample numbers and derived tasks depend on it.
  const apply = async (outcome: RecordOutcome) => {
    // One outcome per record, in record order: the oldest pending ordinal is this record's.
    const ordinal = pendingOrdinals.shift();
    const where = { file: file.label, line: outcome.line, kind: 'trajectory' as const };
    if (outcome.kind === 'reject') return reject({ ...where, category: outcome.category, reason: outcome.reason });
    if (outcome.derivedQuestion !== undefined && !tasks.get(outcome.kind === 'episode' ? outcome.row.task : outcome.task)) {
      tasks.add({ task: outcome.kind === 'episode' ? outcome.row.task : outcome.task, question: outcome.derivedQuestion });
    }
    const resolved = outcome.kind === 'unnumbered' ? resolveUnnumbered(outcome) : outcome;
    if ('reason' in resolved) return reject({ ...where, category: resolved.category, reason: resolved.reason });
    const { row, documents } = resolved;
    if (seenIds.has(row.id)) {
      return reject({ ...where, category: 'duplicate id', reason: `duplicate episode id "${row.id}" (already accepted earlier; not counted twice)` });
    }
    seenIds.add(row.id);
    if (outcome.matchedByQuestion) counts.matchedByQuestion += 1;
    counts.accepted += 1;
    tally.add(row, documents);
    columns.add(row);
    const { encoded } = resolved;
    if (encoded) {
      await rows.add(encoded.rows, encoded.row);
      await traces?.add(encoded.traces, encoded.trace);
    } else {
      await rows.addSerialized(resolved.rowJson);
      await traces?.addSerialized(resolved.traceJson);
    }
    if (positions) await positions.write(ordinal!);
  };

  const batches = new OrderedBatches(pool, (line: SourceLine) => processRecord(line, tasks, settings), apply, { items: BATCH_LINES, bytes: BATCH_BYTES });
  let ordinal = -1;
  const shard = ctx.params.shard;
  try {
    for (file of files) {
      for await (const line of readLines(file.path, { maxLineBytes: lineLimit(settings.limits) })) {
        if (!line.tooLong && line.text.trim() === '') {
          counts.blank += 1;
          continue;
        }
        ordinal += 1;
        if (shard && ordinal % shard.count !== shard.index) continue;
        counts.read += 1;
        // Without --lenient-utf8 such a line is a reject (parseRecord), not a replacement.
        if (line.invalidUtf8At !== undefined && settings.limits.lenientUtf8) counts.utf8Replaced += 1;
        progress.tick();
        if (positions) pendingOrdinals.push(ordinal);
        await batches.add(line, line.bytes);
      }
      // Every outcome of this file is applied before the next file starts (`apply` reads `file`).
      await batches.flush();
      ctx.log.info(`${basename(file.label)}: ${counts.read} records so far`);
    }
  } finally {
    await pool?.close();
    progress.stop();
  }
  await rows.flush();
  await traces?.flush();
  await rowWriter.close();
  await traceWriter?.close();
  await positions?.close();
  await ctx.out.text('episodes.arrow', columns.toArrow());
  return { ...counts, tally };
}

const RECORD_WORKER = new URL('./record-worker.ts', import.meta.url).href;
const BATCH_LINES = 2000;
const BATCH_BYTES = 4 * MiB;
const WORKERS_FROM_BYTES = 16 * MiB;
const MAX_WORKERS = 4;

// Threads pay off only on large inputs: below 16 MB the start-up of a worker costs more than it saves.
async function workerCount(setting: number | 'auto', files: InputFile[]): Promise<number> {
  if (setting !== 'auto') return setting;
  const sizes = await Promise.all(files.map(async (file) => (await stat(file.path)).size));
  if (sizes.reduce((a, b) => a + b, 0) < WORKERS_FROM_BYTES) return 0;
  return Math.min(MAX_WORKERS, availableParallelism());
}

const HOTPOTQA_PREFIX = 'hotpotqa:';

function stripTaskFormat(tasks: string): string {
  return tasks.startsWith(HOTPOTQA_PREFIX) ? tasks.slice(HOTPOTQA_PREFIX.length) : tasks;
}

// HotpotQA JSON is one array, validated whole by the loader (which names the bad record on failure).
function readHotpotqaTasks(path: string, tasks: TaskIndex): number {
  const loaded = loadHotpotqa(path);
  for (const task of loaded) tasks.add(task);
  return loaded.length;
}

/** Parses `--shard i/N` (0-based i). */
export function parseShard(value: string): { index: number; count: number } | string {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  // An unparsable value is passed on as a string so the zod check reports it with the stage's name.
  return match ? { index: Number(match[1]), count: Number(match[2]) } : value;
}
