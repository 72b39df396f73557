/**
 * One JSON record holding tagged agent text (Search-R1, R1-Searcher) into a trajectory: the text,
 * question, gold answer, verdict, task id and sample are read from configurable field paths.
 */
import type { Trajectory } from '../../formats/trajectory';
import type { AdapterContext, AdapterItem, AdapterOption, RecordLocation } from '../types';
import { firstField } from './field-path';
import { numericOption, option, scalarFields } from './options';
import { choosePolicy } from './policy-name';
import { scanTaggedText, type TagDialect } from './tagged-text';
import { describe, toAnswers, toId, toIndex, toNumber, toVerdict, unitScore } from './values';

/** The field-path options of a tagged-text adapter. */
export interface TaggedOptions {
  text: AdapterOption;
  question: AdapterOption;
  task: AdapterOption;
  answer: AdapterOption;
  correct: AdapterOption;
  reward: AdapterOption;
  threshold: AdapterOption;
  sample: AdapterOption;
  policy: AdapterOption;
}

/** Builds the standard option set, with the dialect's own defaults for text, answer and verdict fields. */
export function taggedOptions(defaults: { text: string; answer: string; correct: string; reward: string }): TaggedOptions {
  return {
    text: { key: 'text', default: defaults.text, description: 'field path(s) of the tagged trajectory text' },
    question: { key: 'question', default: 'question', description: 'field path(s) of the question (the task when no task id is given)' },
    task: { key: 'task', default: 'id,task_id', description: 'field path(s) of a task id' },
    answer: { key: 'answer', default: defaults.answer, description: 'field path(s) of the gold answer(s), written to tasks.jsonl' },
    correct: { key: 'correct', default: defaults.correct, description: 'field path(s) of a verdict (boolean, "True"/"False", or a number compared with threshold)' },
    reward: { key: 'reward', default: defaults.reward, description: 'field path(s) of a reward: correct = reward >= threshold, score = reward when in [0,1]' },
    threshold: { key: 'threshold', default: '1', description: 'success threshold for numeric verdicts and rewards' },
    sample: { key: 'sample', default: 'sample', description: 'field path(s) of the sample index' },
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
  if (!textField || typeof textField.value !== 'string') return reject(`no trajectory text at ${option(context, options.text)}`);
  const prepared = prepare(textField.value);
  const questionField = firstField(record, option(context, options.question));
  const question = typeof questionField?.value === 'string' ? questionField.value : prepared.question;
  const idField = firstField(record, option(context, options.task));
  const id = idField ? toId(idField.value) : undefined;
  const task = id ?? question?.trim();
  if (!task) return reject(`no question at ${option(context, options.question)} and no task id at ${option(context, options.task)}`);

  const episode = scanTaggedText(prepared.text, dialect);
  if (episode.steps.every((step) => step.type === 'think')) {
    return reject(`${textField.path} holds no ${dialect.query[0]}, ${dialect.documents[0]} or ${dialect.answer[0]} tags`);
  }
  const trajectory: Trajectory = {
    policy: choosePolicy(context.policy, firstField(record, option(context, options.policy))?.value, context.defaultPolicy),
    task,
    steps: episode.steps,
    answer: episode.answer,
    meta: {
      source,
      record: location,
      ...(question !== undefined ? { question } : {}),
      ...(episode.unclosed ? { unclosed_tag: episode.unclosed } : {}),
      fields: scalarFields(record),
    },
  };
  const sampleField = firstField(record, option(context, options.sample));
  if (sampleField) {
    const sample = toIndex(sampleField.value);
    if (sample === undefined) return reject(`sample ${sampleField.path} is ${describe(sampleField.value)}, not a non-negative integer`);
    trajectory.sample = sample;
  }
  const threshold = numericOption(context, options.threshold);
  const rewardField = firstField(record, option(context, options.reward));
  if (rewardField) {
    const reward = toNumber(rewardField.value, `reward ${rewardField.path}`);
    if (!reward.ok) return reject(reward.reason);
    trajectory.correct = reward.value >= threshold;
    const score = unitScore(reward.value);
    if (score !== undefined) trajectory.score = score;
  }
  const correctField = firstField(record, option(context, options.correct));
  if (correctField) {
    const correct = toVerdict(correctField.value, threshold, `verdict ${correctField.path}`);
    if (!correct.ok) return reject(correct.reason);
    trajectory.correct = correct.value;
  }
  const answers = toAnswers(firstField(record, option(context, options.answer))?.value);
  const taskRow = question !== undefined ? { task, question, ...(answers.length > 0 ? { answers } : {}) } : undefined;
  return { kind: 'trajectory', location, trajectory, ...(taskRow ? { task: taskRow } : {}) };
}
