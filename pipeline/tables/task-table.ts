/** `tasks.jsonl` of ingest (and merge): the task table later stages read — id, question, answers, family, gold documents. */
import type { TaskRow } from '../../analyses/episode';
import { defineJsonlFile } from './json-file';

/** The declaration of ingest's `tasks.jsonl` (the task corpora are not carried). */
export const taskTableFile = defineJsonlFile<TaskRow>('tasks.jsonl');
