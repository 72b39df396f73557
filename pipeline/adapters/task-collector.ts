/**
 * The tasks that sources define themselves (a question and its gold answers per task id), merged
 * across records: one row per task, gold aliases united, and a conflicting question counted.
 */
import type { TaskInput } from '../formats/task';

/** Collects tasks in first-seen order. */
export class TaskCollector {
  private readonly tasks = new Map<string, { task: TaskInput; answers: Set<string> }>();
  /** Task ids seen with two different question texts (the first is kept). */
  readonly conflicts: string[] = [];

  /** Adds or merges one task. */
  add(task: TaskInput): void {
    const known = this.tasks.get(task.task);
    if (!known) {
      this.tasks.set(task.task, { task: { task: task.task, question: task.question }, answers: new Set(task.answers ?? []) });
      return;
    }
    if (known.task.question.trim() !== task.question.trim() && !this.conflicts.includes(task.task)) this.conflicts.push(task.task);
    for (const answer of task.answers ?? []) known.answers.add(answer);
  }

  /** Number of tasks. */
  get size(): number {
    return this.tasks.size;
  }

  /** The tasks as tasks.jsonl rows. */
  *rows(): Generator<TaskInput> {
    for (const { task, answers } of this.tasks.values()) yield answers.size > 0 ? { ...task, answers: [...answers] } : task;
  }
}
