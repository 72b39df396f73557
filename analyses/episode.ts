/**
 * The compact rows that the ingest stage writes and every analysis reads.
 * They hold what the metrics need and nothing else, so a million episodes fit in memory.
 */

/**
 * How much of an episode's steps exist when not all of them do (FORMAT.md `trace`): `partial` = steps
 * were cut (rounds and calls are lower bounds), `missing` = outcome only (no steps at all).
 */
export type IncompleteTrace = 'partial' | 'missing';

/** One accepted episode, reduced to what the metrics need. */
export interface EpisodeRow {
  /** Episode id (given, or `policy/task/budget/sample`, or `policy/task/budget/#n` for the n-th episode without sample). */
  id: string;
  policy: string;
  task: string;
  /** Task family (`all` when the task names none). */
  family: string;
  /** Interaction budget T the episode ran under; null = uncapped. */
  budget: number | null;
  /** Sample index among (policy, task, budget); null when the source gave none (the id then ends in `#<arrival>`). */
  sample: number | null;
  /** Distinct tool-call rounds used (FORMAT.md "Rounds"). */
  rounds: number;
  /** Number of tool calls. */
  calls: number;
  /** True when the episode has a final answer. */
  answered: boolean;
  /** Verdict (given, or normalized exact match). */
  correct: boolean;
  /** Graded score in [0,1] (given, or token F1); null when neither exists. */
  score: number | null;
  /** Number of gold documents the task lists (0 when unknown). */
  gold_total: number;
  /** How many of those gold documents appeared in tool results (matched by id or normalized title). */
  gold_retrieved: number;
  /** Whether a gold answer appears in some tool result; null when the task has no answers (or no trace). */
  answer_in_results: boolean | null;
  /** Absent when the trace is complete (so complete data keeps its bytes); else what is missing. */
  trace?: IncompleteTrace;
}

/** True when an episode has no steps at all: outcome statistics count it, trace statistics leave it out. */
export function isOutcomeOnly(episode: { trace?: IncompleteTrace }): boolean {
  return episode.trace === 'missing';
}

/** A step of the slim trace kept for strategy analyses (think/message steps are dropped). */
export type TraceStep =
  /** `args`: the arguments as canonical JSON, present only when they hold more than the query text shows (several keys). */
  | { type: 'call'; tool: string; query: string; round: number; args?: string }
  | { type: 'result'; tool: string; text: string; titles: string[]; ids: string[] }
  | { type: 'answer'; text: string };

/** What strategy analyses need of one episode: the calls, what came back, the answer. */
export interface EpisodeTrace {
  id: string;
  policy: string;
  task: string;
  family: string;
  budget: number | null;
  rounds: number;
  answer: string | null;
  correct: boolean;
  /** Carried from the source trajectory's `meta` (e.g. `true_strategy` of simulated data, `halted`). */
  meta?: Record<string, unknown>;
  /** Absent when the trace is complete. */
  trace?: IncompleteTrace;
  steps: TraceStep[];
}

/** A task as later stages see it (its corpus is not carried). */
export interface TaskRow {
  task: string;
  question: string;
  answers: string[];
  family: string;
  gold_docs: string[];
}
