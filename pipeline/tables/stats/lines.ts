/**
 * Conversions between the analyses' statistics (PairStats, LabelCount, TruthCount, TaskRow) and the
 * lines of `stats.jsonl` (snake_case, like every output file).
 */
import type { TaskRow } from '../../../analyses/episode';
import type { PairStats } from '../../../analyses/passkt/outcomes';
import type { LabelCount, TruthCount } from '../../../analyses/shard/label-counts';
import type { EpisodeCell } from '../../../analyses/mechanism/episode-cells';
import type { CellLine, LabelLine, OutcomeLine, TaskLine, TruthLine } from './format';

/** The line of one (policy, task)'s outcome statistics. */
export function outcomeLine(stats: PairStats): OutcomeLine {
  return {
    kind: 'outcome',
    policy: stats.policy,
    task: stats.task,
    family: stats.family,
    capped: stats.capped,
    uncapped: stats.uncapped,
    uncapped_correct: stats.uncappedCorrect,
    correct_rounds: stats.correctRounds,
  };
}

/** The statistics of an outcome line. */
export function pairStatsOf(line: OutcomeLine): PairStats {
  return {
    policy: line.policy,
    task: line.task,
    family: line.family,
    capped: line.capped,
    uncapped: line.uncapped,
    uncappedCorrect: line.uncapped_correct,
    correctRounds: line.correct_rounds,
  };
}

/** The line of one task row. */
export function taskLine(row: TaskRow): TaskLine {
  return { kind: 'task', task: row.task, question: row.question, answers: row.answers, family: row.family, gold_docs: row.gold_docs };
}

/** The task row of a task line. */
export function taskRowOf(line: TaskLine): TaskRow {
  return { task: line.task, question: line.question, answers: line.answers, family: line.family, gold_docs: line.gold_docs };
}

/** The line of one label count. */
export function labelLine(count: LabelCount): LabelLine {
  return { kind: 'label', policy: count.policy, family: count.family, task: count.task, budget: count.budget, label: count.label, episodes: count.episodes, successes: count.successes };
}

/** The line of one planted-strategy count. */
export function truthLine(count: TruthCount): TruthLine {
  return { kind: 'truth', policy: count.policy, family: count.family, budget: count.budget, label: count.label, episodes: count.episodes };
}

/** The line of one mechanism cell (shards have no clusters: a cell with one is not written). */
export function cellLine(cell: EpisodeCell): CellLine {
  return {
    kind: 'cell',
    policy: cell.policy,
    family: cell.family,
    budget: cell.budget,
    task: cell.task,
    traced: cell.traced,
    correct: cell.correct,
    gold_docs: cell.gold_docs,
    answer_in_results: cell.answer_in_results,
    label: cell.label,
    reading: cell.reading,
    reads: cell.reads,
    episodes: cell.episodes,
    first: cell.first,
  };
}

/** The cell of a cell line. */
export function cellOf(line: CellLine): EpisodeCell {
  const { kind: _kind, ...cell } = line;
  return { ...cell, cluster: null };
}
