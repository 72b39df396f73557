/**
 * Turns HotpotQA distractor-setting JSON into FORMAT.md tasks: `docs` are the ten context paragraphs
 * (id = title, made unique; text = the sentences joined), `gold_docs` the supporting-fact titles,
 * `family` the question type, `answers` the answer. Reads both layouts in circulation: the official
 * file (`_id`, `supporting_facts: [[title, sent_id]…]`, `context: [[title, [sentences]]…]`) and the
 * columnar one of ../shared/fixtures/hotpotqa (`id`, `supporting_facts: {title[], sent_id[]}`,
 * `context: {title[], sentences[][]}`). The file is one JSON array, read whole behind a size guard.
 */
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { InputFileError } from '../../errors';
import type { TaskDoc } from '../../formats/task';
import type { FullTask } from '../tasks/sim-task';

/** Files larger than this are refused with a message (the official dev set is ~45 MB). */
export const MAX_HOTPOTQA_BYTES = 1024 * 1024 * 1024;

const Pairs = z.array(z.tuple([z.string(), z.number().int()]));
const Columns = z.object({ title: z.array(z.string()), sent_id: z.array(z.number().int()) });
const ContextPairs = z.array(z.tuple([z.string(), z.array(z.string())]));
const ContextColumns = z.object({ title: z.array(z.string()), sentences: z.array(z.array(z.string())) });

const RecordSchema = z.object({
  _id: z.string().optional(),
  id: z.string().optional(),
  question: z.string().min(1),
  answer: z.string(),
  type: z.string().min(1).default('bridge'),
  level: z.string().optional(),
  supporting_facts: z.union([Pairs, Columns]),
  context: z.union([ContextPairs, ContextColumns]),
});

function paragraphs(context: z.infer<typeof RecordSchema>['context']): { title: string; sentences: string[] }[] {
  if (Array.isArray(context)) return context.map(([title, sentences]) => ({ title, sentences }));
  return context.title.map((title, i) => ({ title, sentences: context.sentences[i] ?? [] }));
}

function supportingTitles(facts: z.infer<typeof RecordSchema>['supporting_facts']): string[] {
  const titles = Array.isArray(facts) ? facts.map(([title]) => title) : facts.title;
  return [...new Set(titles)];
}

/** Converts one parsed HotpotQA record (throws a message naming the field on bad input). */
export function hotpotqaTask(raw: unknown, index: number): FullTask {
  const parsed = RecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`record ${index}: ${issue.path.join('.') || '(record)'}: ${issue.message}`);
  }
  const record = parsed.data;
  const id = record._id ?? record.id;
  if (!id) throw new Error(`record ${index}: has neither "_id" nor "id"`);
  const used = new Set<string>();
  const docs: TaskDoc[] = paragraphs(record.context).map(({ title, sentences }) => {
    let docId = title;
    for (let n = 2; used.has(docId); n++) docId = `${title} (${n})`;
    used.add(docId);
    return { id: docId, title, text: sentences.join('').trim() };
  });
  if (docs.length === 0) throw new Error(`record ${index} (${id}): the context has no paragraphs`);
  return {
    task: id,
    question: record.question,
    answers: [record.answer],
    family: record.type,
    gold_docs: supportingTitles(record.supporting_facts),
    docs,
    meta: { source: 'hotpotqa', ...(record.level ? { level: record.level } : {}) },
  };
}

/** Loads a HotpotQA distractor JSON file into tasks; bad input is a UserError naming file, record and field. */
export function loadHotpotqa(path: string): FullTask[] {
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch (error) {
    throw new InputFileError(`cannot read the HotpotQA file ${path}: ${(error as Error).message}.`, 'Check the path given to --hotpotqa.');
  }
  if (bytes > MAX_HOTPOTQA_BYTES) {
    throw new InputFileError(`${path} is ${(bytes / 2 ** 20).toFixed(0)} MB, more than the ${MAX_HOTPOTQA_BYTES / 2 ** 20} MB this loader reads at once.`, 'Split the file into smaller JSON arrays.');
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputFileError(`${path} is not valid JSON: ${(error as Error).message}.`, 'Pass a HotpotQA JSON file (one array of question records).');
  }
  if (!Array.isArray(data)) throw new InputFileError(`${path}: expected a JSON array of HotpotQA records.`, 'Pass a HotpotQA distractor-setting JSON file.');
  const seen = new Set<string>();
  return data.map((raw, index) => {
    let task: FullTask;
    try {
      task = hotpotqaTask(raw, index);
    } catch (error) {
      throw new InputFileError(`${path}: ${(error as Error).message}.`, 'Fix or remove that record; the loader expects the HotpotQA distractor format.');
    }
    if (seen.has(task.task)) throw new InputFileError(`${path}: record ${index}: duplicate question id "${task.task}".`, 'Question ids must be unique.');
    seen.add(task.task);
    return task;
  });
}
