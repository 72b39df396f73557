/**
 * The fields most JSON sources share — task id, sample index, budget, verdict and score, policy —
 * read from configurable field paths that accept the common spellings, with the field that gave each
 * value noted so the import can say, per file, which source field became which canonical field.
 */
import type { AdapterContext, AdapterOption, FieldSources } from '../types';
import { firstField } from './field-path';
import { numericOption, option } from './options';
import { describe, toId, toIndex, toNumber, toVerdict, unitScore } from './values';

/** Task id fields, in the order tried: `task_id`, `question_id`, `example_id`, `id`. */
export const TASK_ID_FIELDS = 'task_id,question_id,example_id,id';
/** Sample index fields: `sample_idx`, `sample`, `trial`, `rollout`. */
export const SAMPLE_FIELDS = 'sample_idx,sample,trial,rollout';
/** Round budget fields: `budget`, `max_turns`, `max_rounds`, `T`. */
export const BUDGET_FIELDS = 'budget,max_turns,max_rounds,T';

/** The option specs of the shared fields (each adapter keeps its own defaults and descriptions). */
export interface RecordFieldOptions {
  task: AdapterOption;
  sample: AdapterOption;
  budget: AdapterOption;
  correct: AdapterOption;
  reward: AdapterOption;
  threshold: AdapterOption;
  policy: AdapterOption;
}

/** The shared fields of one record and where each came from. */
export interface RecordFields {
  task: string;
  policy: string;
  sample?: number;
  budget?: number;
  correct?: boolean;
  score?: number;
  sources: FieldSources;
}

/**
 * Reads the shared fields; the task is the id field, else the question text (and `sources.task` says
 * so); a verdict field wins over the reward, which also gives the score when in [0, 1]. A reason string
 * says what was found when a value cannot be read.
 */
export function readRecordFields(record: unknown, context: AdapterContext, options: RecordFieldOptions, question: string | undefined): RecordFields | string {
  const sources: FieldSources = {};
  const idField = firstField(record, option(context, options.task));
  const id = idField ? toId(idField.value) : undefined;
  if (idField && id === undefined) return `task id ${idField.path} is ${describe(idField.value)}, not a string or integer`;
  const task = id ?? question?.trim();
  if (!task) return `no task id at ${option(context, options.task)} and no question to use instead`;
  sources.task = idField ? idField.path : `question text (no id field among ${option(context, options.task)})`;

  const policyField = firstField(record, option(context, options.policy));
  const fromSource = context.policy === '' && typeof policyField?.value === 'string' && policyField.value.trim() !== '';
  if (fromSource) sources.policy = policyField!.path;
  const fields: RecordFields = { task, policy: fromSource ? (policyField!.value as string).trim() : context.policy || context.defaultPolicy, sources };

  for (const key of ['sample', 'budget'] as const) {
    const field = firstField(record, option(context, options[key]));
    if (!field) continue;
    const value = toIndex(field.value);
    if (value === undefined) return `${key} ${field.path} is ${describe(field.value)}, not a non-negative integer`;
    fields[key] = value;
    sources[key] = field.path;
  }

  const threshold = numericOption(context, options.threshold);
  const rewardField = firstField(record, option(context, options.reward));
  if (rewardField) {
    const reward = toNumber(rewardField.value, `reward ${rewardField.path}`);
    if (!reward.ok) return reward.reason;
    fields.correct = reward.value >= threshold;
    sources.correct = `${rewardField.path} >= ${threshold}`;
    const score = unitScore(reward.value);
    if (score !== undefined) fields.score = score;
  }
  const correctField = firstField(record, option(context, options.correct));
  if (correctField) {
    const correct = toVerdict(correctField.value, threshold, `verdict ${correctField.path}`);
    if (!correct.ok) return correct.reason;
    fields.correct = correct.value;
    sources.correct = correctField.path;
  }
  return fields;
}
