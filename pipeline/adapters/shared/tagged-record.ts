/**
 * One JSON record holding tagged agent text (Search-R1, R1-Searcher) into a trajectory: the text,
 * question, gold answer, verdict, task id, sample and budget are read from configurable field paths. A
 * record with a verdict but no text is kept as an outcome-only episode (`trace: "missing"`).
 */
import type { Trajectory } from '../../formats/trajectory';
import type { AdapterContext, AdapterItem, AdapterOption, RecordLocation } from '../types';
import { firstField } from './field-path';
import { option, scalarFields } from './options';
import { BUDGET_FIELDS, readRecordFields, SAMPLE_FIELDS, TASK_ID_FIELDS, type RecordFieldOptions } from './record-fields';
import { scanTaggedText, type TagDialect } from './tagged-text';
import { describe, describeKeys, toAnswers } from './values';

/** The field-path options of a tagged-text adapter. */
export interface TaggedOptions extends RecordFieldOptions {
  text: AdapterOption;
  question: AdapterOption;
  answer: AdapterOption;
}

/** Builds the standard option set, with the dialect's own defaults for text, answer and verdict fields. */
export function taggedOptions(defaults: { text: string; answer: string; correct: string; reward: string }): TaggedOptions {
  return {
    text: { key: 'text', default: defaults.text, description: 'field path(s) of the tagged trajectory text' },
    question: { key: 'question', default: 'question', description: 'field path(s) of the question (the task when no task id is given)' },
    task: { key: 'task', default: TASK_ID_FIELDS, description: 'field path(s) of a task id' },
    answer: { key: 'answer', default: defaults.answer, description: 'field path(s) of the gold answer(s), written to tasks.jsonl' },
    correct: { key: 'correct', default: defaults.correct, description: 'field path(s) of a verdict (boolean, "True"/"False", or a number compared with threshold)' },
    reward: { key: 'reward', default: defaults.reward, description: 'field path(s) of a reward: correct = reward >= threshold, score = reward when in [0,1]' },
    threshold: { key: 'threshold', default: '1', description: 'success threshold for numeric verdicts and rewards' },
    sample: { key: 'sample', default: SAMPLE_FIELDS, description: 'field path(s) of the sample index' },
    budget: { key: 'budget', default: BUDGET_FIELDS, description: 'field path(s) of the round budget T the episode ran under (absent: uncapped)' },
    policy: { key: 'policy', default: 'policy,model', description: 'field path(s) of the policy name, used when --policy is not given' },
  };
}

/** Converts one record; `prepare` may cut the text (e.g. drop an echoed prompt) before scanning. */
export function taggedRecord(
  record: unknown,
  location: RecordLocation,
  context: AdapterContext,
  dialect: TagDialect,
  options: TaggedOptions,
  source: string,
  prepare: (text: string) => { text: string; question?: string } = (text) => ({ text }),
): AdapterItem {
  const reject = (reason: string): AdapterItem => ({ kind: 'reject', location, reason });
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return reject(`record is ${describe(record)}, not an object`);
  const textField = firstField(record, option(context, options.text));
  const text = typeof textField?.value === 'string' && textField.value.trim() !== '' ? textField.value : undefined;
  const prepared = text === undefined ? undefined : prepare(text);
  const questionField = firstField(record, option(context, options.question));
  const question = typeof questionField?.value === 'string' ? questionField.value : prepared?.question;
  const fields = readRecordFields(record, context, options, question);
  if (typeof fields === 'string') return reject(fields);
  // No text but a verdict: the outcome is known, the steps are not.
  if (prepared === undefined && fields.correct === undefined) {
    return reject(`no trajectory text at ${option(context, options.text)} (${textField ? `${textField.path} is ${describe(textField.value)}` : describeKeys(record)}) and no verdict to keep as an outcome`);
  }
  const episode = prepared === undefined ? undefined : scanTaggedText(prepared.text, dialect);
  if (episode && episode.steps.every((step) => step.type === 'think')) {
    return reject(`${textField!.path} holds no ${dialect.query[0]}, ${dialect.documents[0]} or ${dialect.answer[0]} tags (found ${text!.length} characters of text: ${describe(text)})`);
  }
  const { sources, ...values } = fields;
  const trajectory: Trajectory = {
    ...values,
    steps: episode?.steps ?? [],
    ...(episode ? { answer: episode.answer } : { trace: 'missing' as const }),
    meta: {
      source,
      record: location,
      ...(question !== undefined ? { question } : {}),
      ...(episode?.unclosed ? { unclosed_tag: episode.unclosed } : {}),
      fields: scalarFields(record),
    },
  };
  const answers = toAnswers(firstField(record, option(context, options.answer))?.value);
  const taskRow = question !== undefined ? { task: fields.task, question, ...(answers.length > 0 ? { answers } : {}) } : undefined;
  return { kind: 'trajectory', location, trajectory, fields: sources, ...(taskRow ? { task: taskRow } : {}) };
}
