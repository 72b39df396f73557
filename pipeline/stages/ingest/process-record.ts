import type { EpisodeRow, EpisodeTrace } from '../../../analyses/episode';
import type { ResultDocuments } from './resolve-episode';
import { TrajectorySchema, type Trajectory } from '../../formats/trajectory';
import type { SourceLine } from '../../io/lines';
import { parseRecord, type RecordLimits } from './parse-record';
import { resolveEpisode } from './resolve-episode';
import type { TaskIndex } from './task-index';

/** How ingest should treat one trajectory line; order-dependent work (ids, samples) is left to the caller. */
export type RecordOutcome =
  | { kind: 'reject'; line: number; category: string; reason: string }
  /** Resolved: the row plus the row and trace already serialized (the costly part, done off the main thread). */
  | { kind: 'episode'; line: number; row: EpisodeRow; rowJson: string; traceJson: string; documents: ResultDocuments; derivedQuestion?: string; matchedByQuestion: boolean }
  /** Valid, but it has no `sample`: its sample number depends on the order of the whole input. */
  | { kind: 'unnumbered'; line: number; trajectory: Trajectory; task: string; derivedQuestion?: string; matchedByQuestion: boolean };

/** What a record processor needs to know, the same in every worker. */
export interface ProcessorSettings {
  tasksGiven: boolean;
  limits: RecordLimits;
}

/**
 * Parses, validates and resolves one trajectory line against the task index. Pure apart from the
 * index, which learns derived tasks when no tasks file was given (derivation is deterministic).
 * A record that fails in any unforeseen way is a reject of that record, never the end of the run.
 */
export function processRecord(line: SourceLine, tasks: TaskIndex, settings: ProcessorSettings): RecordOutcome {
  try {
    return resolveRecord(line, tasks, settings);
  } catch (error) {
    return { kind: 'reject', line: line.line, ...unprocessable(error) };
  }
}

/** The reject of a record whose processing threw (e.g. a stack or string-length limit). */
export function unprocessable(error: unknown): { category: string; reason: string } {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { category: 'unprocessable record', reason: `the record could not be processed (${message.slice(0, 300)})` };
}

function resolveRecord(line: SourceLine, tasks: TaskIndex, settings: ProcessorSettings): RecordOutcome {
  const parsed = parseRecord<Trajectory>(line, TrajectorySchema, settings.limits);
  if (!parsed.ok) return { kind: 'reject', line: line.line, category: parsed.category, reason: parsed.reason };
  const trajectory = parsed.value;
  const question = typeof trajectory.meta?.question === 'string' ? trajectory.meta.question : undefined;
  let task = tasks.get(trajectory.task);
  let matchedByQuestion = false;
  let derivedQuestion: string | undefined;
  if (!task && settings.tasksGiven) {
    const ids = tasks.idsForQuestion(question ?? trajectory.task);
    if (ids.length > 1) {
      const listed = ids.slice(0, 3).map((id) => `"${id}"`).join(', ') + (ids.length > 3 ? `, … (${ids.length} in all)` : '');
      return { kind: 'reject', line: line.line, category: 'ambiguous question', reason: `task "${trajectory.task}" is not a task id, and its question matches ${ids.length} tasks (${listed}): give the trajectory its task id` };
    }
    if (ids.length === 1) {
      task = tasks.get(ids[0]!);
      matchedByQuestion = true;
    }
  }
  if (!task && !settings.tasksGiven) {
    derivedQuestion = question ?? trajectory.task;
    tasks.add({ task: trajectory.task, question: derivedQuestion });
    task = tasks.get(trajectory.task);
  }
  if (!task) {
    return { kind: 'reject', line: line.line, category: 'unknown task', reason: `unknown task "${trajectory.task}": no task in the tasks file has this id or question` };
  }
  const extra = { ...(derivedQuestion !== undefined ? { derivedQuestion } : {}), matchedByQuestion };
  if (trajectory.sample === undefined) {
    return { kind: 'unnumbered', line: line.line, trajectory, task: task.row.task, ...extra };
  }
  const resolved = resolveEpisode(trajectory, task, trajectory.sample);
  if (typeof resolved === 'string') return { kind: 'reject', line: line.line, category: 'no verdict', reason: resolved };
  const serialized = serializeEpisode(resolved, settings.limits);
  if ('reason' in serialized) return { kind: 'reject', line: line.line, ...serialized };
  return { kind: 'episode', line: line.line, row: resolved.row, ...serialized, documents: resolved.documents, ...extra };
}

/**
 * The episode's row and trace as JSON lines, or a reject when the trace line would be longer than a
 * later stage can read back (escapes and U+FFFD replacements can make it longer than the input line):
 * such an episode is rejected here, with its reason, rather than lost downstream.
 */
export function serializeEpisode(resolved: { row: EpisodeRow; trace: EpisodeTrace }, limits: RecordLimits): { rowJson: string; traceJson: string } | { category: string; reason: string } {
  const traceJson = JSON.stringify(resolved.trace);
  // A UTF-16 unit is at most 3 UTF-8 bytes: the exact byte count is needed only for very long traces.
  if (traceJson.length * 3 > limits.parseableBytes && Buffer.byteLength(traceJson) > limits.parseableBytes) {
    return { category: 'trace too long', reason: `the episode's trace is ${Buffer.byteLength(traceJson)} bytes as a line of traces.jsonl, over the ${limits.parseableBytes} bytes later stages can read` };
  }
  return { rowJson: JSON.stringify(resolved.row), traceJson };
}
