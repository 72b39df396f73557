/**
 * `openai-chat`: records holding OpenAI chat messages with `tool_calls` and `role: "tool"` results —
 * verifiers' results.jsonl (`prompt` + `completion`, tool calls as JSON strings, `reward`) and
 * tau-bench's historical trajectories (`task_id`, `trial`, `reward`, `traj`) read with the defaults;
 * other layouts by naming the field paths (see docs/adapters.md).
 */
import type { Trajectory } from '../formats/trajectory';
import type { Adapter, AdapterContext, AdapterItem, AdapterOption, RecordLocation } from './types';
import { chatSteps } from './shared/chat-steps';
import { firstArray, firstField } from './shared/field-path';
import { choiceOption, numericOption, option, scalarFields } from './shared/options';
import { arrayOrSingle, readRecords } from './shared/records';
import { BUDGET_FIELDS, readRecordFields, SAMPLE_FIELDS, TASK_ID_FIELDS } from './shared/record-fields';
import { describe, describeKeys, toAnswers } from './shared/values';

const OPTIONS = {
  messages: { key: 'messages', default: 'messages,traj,prompt+completion', description: 'field path(s) of the chat messages; a+b joins two lists (verifiers: prompt+completion)' },
  task: { key: 'task', default: TASK_ID_FIELDS, description: 'field path(s) of the task id; without one the question text is the task (and the import says so)' },
  question: { key: 'question', default: 'question,info.task.instruction', description: 'field path(s) of the question; else the last user turn before the first assistant turn' },
  sample: { key: 'sample', default: SAMPLE_FIELDS, description: 'field path(s) of the sample index (tau-bench: trial)' },
  correct: { key: 'correct', default: 'correct,is_correct', description: 'field path(s) of a verdict (boolean, or a number compared with threshold); wins over reward' },
  reward: { key: 'reward', default: 'reward', description: 'field path(s) of a reward: correct = reward >= threshold, score = reward when in [0,1]' },
  threshold: { key: 'threshold', default: '1', description: 'success threshold for reward/correct numbers (1: reward == 1 for 0/1 rewards)' },
  answer: { key: 'answer', default: 'answer,gold_answer,golden_answers,ground_truth', description: 'field path(s) of the gold answer(s), written to tasks.jsonl' },
  policy: { key: 'policy', default: 'policy,model', description: 'field path(s) of the policy name, used when --policy is not given' },
  budget: { key: 'budget', default: BUDGET_FIELDS, description: 'field path(s) of the round budget T the episode ran under (absent: uncapped, reported as budget = all)' },
  rounds: { key: 'rounds', default: 'message', description: '"message": calls of one assistant message share a round (FORMAT.md); "call": every call is its own round' },
} satisfies Record<string, AdapterOption>;

/** The openai-chat adapter. */
export const openaiChatAdapter: Adapter = {
  name: 'openai-chat',
  description: 'OpenAI chat messages with tool_calls and role:"tool" results (verifiers results.jsonl, tau-bench trajectories)',
  options: Object.values(OPTIONS),
  sniff: (head) => /"role"\s*:\s*"(assistant|tool|user|system)"/.test(head.text) && /"(tool_calls|traj|completion|messages)"/.test(head.text) && !/"epoch"\s*:/.test(head.text),
  async *read(context) {
    const settings = readSettings(context);
    for await (const record of readRecords(context.file, context, arrayOrSingle)) {
      if (record.error !== undefined) yield { kind: 'reject', location: record.location, reason: record.error };
      else yield convert(record.value, record.location, context, settings);
    }
  },
};

type Settings = { threshold: number; roundPerCall: boolean };

function readSettings(context: AdapterContext): Settings {
  return { threshold: numericOption(context, OPTIONS.threshold), roundPerCall: choiceOption(context, OPTIONS.rounds, ['message', 'call']) === 'call' };
}

function convert(record: unknown, location: RecordLocation, context: AdapterContext, settings: Settings): AdapterItem {
  const reject = (reason: string): AdapterItem => ({ kind: 'reject', location, reason });
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return reject(`record is ${describe(record)}, not an object`);
  const messagePaths = option(context, OPTIONS.messages);
  const messages = firstArray(record, messagePaths);
  const questionField = firstField(record, option(context, OPTIONS.question));
  const questionGiven = typeof questionField?.value === 'string' ? questionField.value : undefined;
  // An empty or absent message list records no steps: with a verdict, the episode is outcome-only.
  const episode = messages && messages.value.length > 0 ? chatSteps(messages.value, { roundPerCall: settings.roundPerCall, promptIsQuestion: questionGiven === undefined }) : undefined;
  if (typeof episode === 'string') return reject(`${messages!.path}: ${episode}`);
  const question = questionGiven ?? episode?.promptQuestion;
  const fields = readRecordFields(record, context, OPTIONS, question);
  if (typeof fields === 'string') return reject(fields);
  if (!episode && fields.correct === undefined) {
    return reject(`no chat messages at ${messagePaths} and no verdict to keep as an outcome (the record has ${describeKeys(record)})`);
  }
  const { sources, ...values } = fields;
  const trajectory: Trajectory = {
    ...values,
    steps: episode?.steps ?? [],
    ...(episode ? { answer: episode.answer } : { trace: 'missing' as const }),
    meta: { source: 'openai-chat', record: location, ...(question !== undefined ? { question } : {}), fields: scalarFields(record) },
  };
  const answers = toAnswers(firstField(record, option(context, OPTIONS.answer))?.value);
  const taskRow = question !== undefined ? { task: fields.task, question, ...(answers.length > 0 ? { answers } : {}) } : undefined;
  return { kind: 'trajectory', location, trajectory, fields: sources, ...(taskRow ? { task: taskRow } : {}) };
}
