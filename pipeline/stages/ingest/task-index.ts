import { normalizeAnswer } from '../../../analyses/text/normalize';
import type { TaskRow } from '../../../analyses/episode';
import { DEFAULT_FAMILY, type TaskInput } from '../../formats/task';

/** A task as ingest uses it: the row later stages see, plus normalized lookups for scoring. */
export interface IndexedTask {
  row: TaskRow;
  /** Normalized gold answers, for matching inside tool results. */
  normalizedAnswers: string[];
  /** Gold documents as given (ids or titles) and normalized (titles). */
  goldIds: Set<string>;
  goldTitles: Map<string, number>;
}

/** Tasks by id and by normalized question text (for sources that carry the question, not the id). */
export class TaskIndex {
  private readonly byId = new Map<string, IndexedTask>();
  // Normalized question → every task id with that question (two ids with one question are two tasks).
  private readonly byQuestion = new Map<string, string[]>();

  /** Adds a task; returns false when its id is already known. */
  add(task: TaskInput): boolean {
    if (this.byId.has(task.task)) return false;
    const row: TaskRow = {
      task: task.task,
      question: task.question,
      answers: task.answers ?? [],
      family: task.family ?? DEFAULT_FAMILY,
      gold_docs: task.gold_docs ?? [],
    };
    const goldTitles = new Map<string, number>();
    row.gold_docs.forEach((gold, index) => goldTitles.set(normalizeAnswer(gold), index));
    this.byId.set(task.task, {
      row,
      normalizedAnswers: row.answers.map(normalizeAnswer).filter(Boolean),
      goldIds: new Set(row.gold_docs),
      goldTitles,
    });
    const question = normalizeAnswer(task.question);
    if (question) this.byQuestion.set(question, [...(this.byQuestion.get(question) ?? []), task.task]);
    return true;
  }

  /** The task with this id. */
  get(id: string): IndexedTask | undefined {
    return this.byId.get(id);
  }

  /** The ids of the tasks whose normalized question equals this text (several when tasks share a question). */
  idsForQuestion(text: string): readonly string[] {
    return this.byQuestion.get(normalizeAnswer(text)) ?? [];
  }

  /** Number of tasks. */
  get size(): number {
    return this.byId.size;
  }

  /** Every task row, in insertion order. */
  rows(): TaskRow[] {
    return [...this.byId.values()].map((task) => task.row);
  }
}
