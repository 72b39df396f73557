import type { EpisodeRow } from '../../../analyses/episode';
import type { ResultDocuments } from './resolve-episode';
import { TrajectorySchema, type Trajectory } from '../../formats/trajectory';
import type { SourceLine } from '../../io/lines';
import { parseRecord } from './parse-record';
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
  maxLineBytes: number;
}

/**
 * Parses, validates and resolves one trajectory line against the task index. Pure apart from the
 * index, which learns derived tasks when no tasks file was given (derivation is deterministic).
 */
export function processRecord(line: SourceLine, tasks: TaskIndex, settings: ProcessorSettings): RecordOutcome {
  const parsed = parseRecord<Trajectory>(line, TrajectorySchema, settings.maxLineBytes);
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
  return { kind: 'episode', line: line.line, row: resolved.row, rowJson: JSON.stringify(resolved.row), traceJson: JSON.stringify(resolved.trace), documents: resolved.documents, ...extra };
}
