/**
 * `r1-searcher`: R1-Searcher's evaluation results (JSONL): `gen_text_store` holds the trajectory with
 * `<|begin_of_query|>…<|end_of_query|>` searches, `<|begin_of_documents|>…<|end_of_documents|>`
 * results (`(1)Title   text` documents) and an `<answer>` block; `gpt4o_output` ("True"/"False") is
 * the verdict of the GPT-4o judge.
 */
import type { Adapter } from './types';
import { arrayOrSingle, readRecords } from './shared/records';
import { taggedOptions, taggedRecord } from './shared/tagged-record';
import { parseR1SearcherDocs, type TagDialect } from './shared/tagged-text';

const OPTIONS = taggedOptions({ text: 'gen_text_store,output,response', answer: 'answer,answers,golden_answers', correct: 'gpt4o_output,correct', reward: 'reward' });

/** R1-Searcher's tags. */
export const R1_SEARCHER_DIALECT: TagDialect = {
  tool: 'search',
  think: ['<think>', '</think>'],
  query: ['<|begin_of_query|>', '<|end_of_query|>'],
  documents: ['<|begin_of_documents|>', '<|end_of_documents|>'],
  answer: ['<answer>', '</answer>'],
  parseDocs: parseR1SearcherDocs,
};

/** The r1-searcher adapter. */
export const r1SearcherAdapter: Adapter = {
  name: 'r1-searcher',
  description: 'R1-Searcher tagged text (<|begin_of_query|>, <|begin_of_documents|>, <answer>), verdict from gpt4o_output',
  options: Object.values(OPTIONS),
  sniff: (head) => head.text.includes('<|begin_of_query|>') || head.text.includes('"gen_text_store"'),
  async *read(context) {
    for await (const record of readRecords(context.file, context, arrayOrSingle)) {
      if (record.error !== undefined) yield { kind: 'reject', location: record.location, reason: record.error };
      else yield taggedRecord(record.value, record.location, context, R1_SEARCHER_DIALECT, OPTIONS, 'r1-searcher');
    }
  },
};
