import { z } from 'zod';
import { JsonObjectSchema } from './json-object';

/** One paragraph of a task's own corpus (HotpotQA distractor setting). */
export const TaskDocSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
});

/** A line of `tasks.jsonl`, exactly as spec/FORMAT.md defines it. */
export const TaskSchema = z.object({
  task: z.string().min(1, 'task id must be a non-empty string'),
  question: z.string(),
  answers: z.array(z.string()).optional(),
  family: z.string().min(1).optional(),
  gold_docs: z.array(z.string()).optional(),
  docs: z.array(TaskDocSchema).optional(),
  meta: JsonObjectSchema.optional(),
});

/** A task as written by users (optional fields may be absent). */
export type TaskInput = z.infer<typeof TaskSchema>;
/** A paragraph of a task corpus. */
export type TaskDoc = z.infer<typeof TaskDocSchema>;

/** The family used when a task names none. */
export const DEFAULT_FAMILY = 'all';
