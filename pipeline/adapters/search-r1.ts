/**
 * `search-r1`: Search-R1's tagged text — `<think>`, `<search>`, `<information>` (documents
 * `Doc i(Title: …) text`) and `<answer>`; the answer is the last `<answer>` block, as Search-R1's own
 * evaluation takes it. Either JSONL records holding the text in a field, or a plain-text file holding
 * one trajectory. An echoed prompt (Search-R1's instruction, which itself shows example tags) is cut
 * off at its `Question:` line, and after the last `<|im_start|>assistant` marker when there is one.
 */
import type { Adapter, AdapterContext, AdapterItem } from './types';
import { readFileHead } from './shared/file-head';
import { readWholeText } from './shared/json-file';
import { arrayOrSingle, readRecords } from './shared/records';
import { taggedOptions, taggedRecord } from './shared/tagged-record';
import { parseSearchR1Docs, type TagDialect } from './shared/tagged-text';

const OPTIONS = taggedOptions({
  text: 'response,output,completion,text,solution_str,sequences_str',
  answer: 'golden_answers,answer,answers,reward_model.ground_truth.target',
  correct: 'correct,is_correct',
  reward: 'reward,score',
});

/** Search-R1's tags. */
export const SEARCH_R1_DIALECT: TagDialect = {
  tool: 'search',
  think: ['<think>', '</think>'],
  query: ['<search>', '</search>'],
  documents: ['<information>', '</information>'],
  answer: ['<answer>', '</answer>'],
  parseDocs: parseSearchR1Docs,
};

const ASSISTANT_MARKER = '<|im_start|>assistant';

/** Cuts an echoed prompt off the front of a Search-R1 text and returns its question, if any. */
export function stripSearchR1Prompt(text: string): { text: string; question?: string } {
  const marker = text.lastIndexOf(ASSISTANT_MARKER);
  const head = marker === -1 ? text : text.slice(0, marker);
  const body = marker === -1 ? text : text.slice(marker + ASSISTANT_MARKER.length);
  const question = /Question:[ \t]*(.*)/.exec(head);
  // Only an instruction-shaped head is a prompt: the template shows an example <answer> block.
  const before = question ? head.slice(0, question.index) : '';
  if (!question || (marker === -1 && !/<answer>|Answer the given question/.test(before))) return { text: body };
  const cut = marker === -1 ? question.index + question[0].length : 0;
  return { text: body.slice(cut), question: question[1]!.trim() };
}

/** The search-r1 adapter. */
export const searchR1Adapter: Adapter = {
  name: 'search-r1',
  description: 'Search-R1 tagged text (<think>, <search>, <information>, <answer>), JSONL field or plain text',
  options: Object.values(OPTIONS),
  sniff: (head) => /<(search|information)>/.test(head.text),
  async *read(context) {
    if (await isPlainText(context)) {
      yield plainText(await readWholeText(context.file, context.maxJsonBytes, context.lenientUtf8), context);
      return;
    }
    for await (const record of readRecords(context.file, context, arrayOrSingle)) {
      if (record.error !== undefined) yield { kind: 'reject', location: record.location, reason: record.error };
      else yield taggedRecord(record.value, record.location, context, SEARCH_R1_DIALECT, OPTIONS, 'search-r1', stripSearchR1Prompt);
    }
  },
};

// A plain-text file is one trajectory; its task is the question of its echoed prompt.
function plainText(text: string, context: AdapterContext): AdapterItem {
  const prepared = stripSearchR1Prompt(text);
  if (!prepared.question) return { kind: 'reject', location: 1, reason: 'plain-text trajectory without a "Question:" line to name its task' };
  const whole = { ...context, options: { ...context.options, text: 'text' } };
  return taggedRecord({ text }, 1, whole, SEARCH_R1_DIALECT, OPTIONS, 'search-r1', stripSearchR1Prompt);
}

async function isPlainText(context: AdapterContext): Promise<boolean> {
  const head = await readFileHead(context.file);
  const first = head.text.trimStart()[0];
  return first !== '{' && first !== '[';
}
