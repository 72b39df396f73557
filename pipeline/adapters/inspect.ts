/**
 * `inspect`: UK AISI Inspect evaluation logs in JSON form (`EvalLog`: `eval.model`, `samples[]` of
 * `EvalSample` with `id`, `epoch`, `input`, `target`, `messages` (ChatMessage with ToolCall) and
 * `scores` (Score by scorer name)), or a JSONL of samples (`jq -c '.samples[]'`). Task = sample id,
 * sample = epoch − 1 (Inspect counts epochs from 1), verdict from the chosen scorer's value read the
 * way Inspect's `value_to_float` reads it ("C" = 1, "P" = 0.5, "I"/"N" = 0).
 */
import type { Trajectory } from '../formats/trajectory';
import type { Adapter, AdapterContext, AdapterItem, AdapterOption, FieldSources, RecordLocation } from './types';
import { UserError } from '../errors';
import { chatSteps } from './shared/chat-steps';
import { readJsonFile } from './shared/json-file';
import { choiceOption, numericOption, option } from './shared/options';
import { choosePolicy } from './shared/policy-name';
import { jsonLayout, readJsonlRecords } from './shared/records';
import { describe, toAnswers, toId, unitScore, type Parsed } from './shared/values';

const OPTIONS = {
  scorer: { key: 'scorer', default: '', description: 'name of the score to read (default: the first score of each sample)' },
  scoreKey: { key: 'score_key', default: '', description: 'key inside a dictionary-valued score (e.g. "accuracy")' },
  threshold: { key: 'threshold', default: '1', description: 'correct = score value >= threshold ("C" = 1, "P" = 0.5)' },
  rounds: { key: 'rounds', default: 'message', description: '"message": calls of one assistant message share a round; "call": every call is its own round' },
} satisfies Record<string, AdapterOption>;

/** The inspect adapter. */
export const inspectAdapter: Adapter = {
  name: 'inspect',
  description: 'UK AISI Inspect eval logs in JSON (EvalLog with samples), or JSONL of EvalSample records',
  options: Object.values(OPTIONS),
  sniff: (head) => head.zip || (/"eval"\s*:\s*\{/.test(head.text) && /"(plan|samples|results)"\s*:/.test(head.text)) || (/"epoch"\s*:/.test(head.text) && /"(scores|target)"\s*:/.test(head.text)),
  async *read(context) {
    const settings: Settings = {
      threshold: numericOption(context, OPTIONS.threshold),
      roundPerCall: choiceOption(context, OPTIONS.rounds, ['message', 'call']) === 'call',
      scorer: option(context, OPTIONS.scorer),
      scoreKey: option(context, OPTIONS.scoreKey),
    };
    if ((await jsonLayout(context.file)) === 'jsonl') {
      for await (const record of readJsonlRecords(context.file, context.lenientUtf8)) {
        if (record.error !== undefined) yield { kind: 'reject', location: record.location, reason: record.error };
        else yield convert(record.value, record.location, undefined, context, settings);
      }
      return;
    }
    const log = (await readJsonFile(context.file, context.maxJsonBytes, context.lenientUtf8)) as Record<string, unknown> | null;
    if (log === null || typeof log !== 'object' || Array.isArray(log)) throw new UserError(`${context.file} is not an Inspect eval log (expected a JSON object with "eval" and "samples").`);
    const header = (log.eval ?? {}) as Record<string, unknown>;
    if (!Array.isArray(log.samples)) {
      throw new UserError(`${context.file} holds no samples (an Inspect log written without samples, or only its header).`, 'Re-run the evaluation with samples logged (log_samples=True), or import a log that has them.');
    }
    yield { kind: 'info', key: 'eval', value: { task: header.task, model: header.model, status: log.status, samples: log.samples.length } };
    for (const [index, sample] of log.samples.entries()) yield convert(sample, `samples[${index}]`, header, context, settings);
  },
};

type Settings = { threshold: number; roundPerCall: boolean; scorer: string; scoreKey: string };

function convert(sample: unknown, location: RecordLocation, header: Record<string, unknown> | undefined, context: AdapterContext, settings: Settings): AdapterItem {
  const reject = (reason: string): AdapterItem => ({ kind: 'reject', location, reason });
  if (sample === null || typeof sample !== 'object' || Array.isArray(sample)) return reject(`sample is ${describe(sample)}, not an object`);
  const record = sample as Record<string, unknown>;
  const task = toId(record.id);
  if (task === undefined) return reject(`sample "id" is ${describe(record.id)}, not a string or integer`);
  const epoch = record.epoch;
  if (epoch !== undefined && !(typeof epoch === 'number' && Number.isInteger(epoch) && epoch >= 1)) return reject(`"epoch" is ${describe(epoch)}, not an integer >= 1`);
  const question = readQuestion(record.input);
  if (typeof question !== 'string') return reject(question.reason);
  const messages = record.messages ?? [];
  if (!Array.isArray(messages)) return reject(`"messages" is ${describe(messages)}, not a list`);
  const episode = chatSteps(messages, { roundPerCall: settings.roundPerCall, promptIsQuestion: true });
  if (typeof episode === 'string') return reject(`messages: ${episode}`);
  const completion = (record.output as Record<string, unknown> | undefined)?.completion;
  if (messages.length === 0 && typeof completion === 'string' && completion.trim() !== '') {
    episode.steps.push({ type: 'answer', text: completion });
    episode.answer = completion;
  }
  const scored = readScore(record.scores, settings);
  if (typeof scored === 'string') return reject(scored);

  const limit = (record.limit as Record<string, unknown> | undefined)?.type ?? record.limit;
  const error = (record.error as Record<string, unknown> | undefined)?.message ?? record.error;
  const trajectory: Trajectory = {
    policy: choosePolicy(context.policy, header?.model, context.defaultPolicy),
    task,
    ...(epoch !== undefined ? { sample: epoch - 1 } : {}),
    steps: episode.steps,
    // A scored sample logged without messages or output: the outcome is known, the steps are not.
    ...(episode.steps.length === 0 && scored ? { trace: 'missing' as const } : {}),
    answer: episode.answer,
    ...(scored ? { correct: scored.value >= settings.threshold } : {}),
    ...(scored && unitScore(scored.value) !== undefined ? { score: scored.value } : {}),
    meta: {
      source: 'inspect',
      record: location,
      question,
      ...(epoch !== undefined ? { epoch } : {}),
      ...(typeof header?.task === 'string' ? { eval_task: header.task } : {}),
      ...(scored ? { scorer: scored.scorer, score_value: scored.raw, ...(scored.answer !== undefined ? { score_answer: scored.answer } : {}) } : { unscored: true }),
      ...(typeof limit === 'string' ? { limit } : {}),
      ...(typeof error === 'string' ? { error } : {}),
    },
  };
  const answers = toAnswers(record.target);
  const fields: FieldSources = {
    task: 'id',
    ...(epoch !== undefined ? { sample: 'epoch - 1' } : {}),
    ...(scored ? { correct: `scores.${scored.scorer}${settings.scoreKey ? `.${settings.scoreKey}` : ''} >= ${settings.threshold}` } : {}),
    ...(context.policy === '' && typeof header?.model === 'string' && header.model.trim() !== '' ? { policy: 'eval.model' } : {}),
  };
  return { kind: 'trajectory', location, trajectory, fields, task: { task, question, ...(answers.length > 0 ? { answers } : {}) } };
}

// `input` is the question text or the input messages (the question is the last user turn).
function readQuestion(input: unknown): string | { reason: string } {
  if (typeof input === 'string') return input;
  if (Array.isArray(input)) {
    const episode = chatSteps(input, { roundPerCall: false, promptIsQuestion: true });
    if (typeof episode === 'string') return { reason: `input: ${episode}` };
    if (episode.promptQuestion !== undefined) return episode.promptQuestion;
  }
  return { reason: `"input" is ${describe(input)}, neither text nor messages with a user turn` };
}

type Scored = { value: number; raw: unknown; scorer: string; answer: string | undefined };

// Scores are keyed by scorer name; without a chosen name the first one is read.
function readScore(scores: unknown, settings: Settings): Scored | undefined | string {
  if (scores === undefined || scores === null) return undefined;
  if (typeof scores !== 'object' || Array.isArray(scores)) return `"scores" is ${describe(scores)}, not an object keyed by scorer`;
  const entries = Object.entries(scores as Record<string, unknown>);
  if (entries.length === 0) return undefined;
  const chosen = settings.scorer === '' ? entries[0] : entries.find(([name]) => name === settings.scorer);
  if (!chosen) return `no score named "${settings.scorer}" (scores: ${entries.map(([name]) => name).join(', ')})`;
  const [scorer, score] = chosen;
  const { value, answer } = (score ?? {}) as Record<string, unknown>;
  let raw = value;
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    if (settings.scoreKey === '') return `score "${scorer}" is a dictionary (${Object.keys(raw).join(', ')}): choose one with --import-option score_key=<key>`;
    raw = (raw as Record<string, unknown>)[settings.scoreKey];
  }
  const number = inspectValueToFloat(raw);
  if (!number.ok) return `score "${scorer}": ${number.reason}`;
  return { value: number.value, raw, scorer, answer: typeof answer === 'string' ? answer : undefined };
}

/** Inspect's `value_to_float`: numbers and booleans as numbers, "C" 1, "P" 0.5, "I"/"N" 0, yes/true 1, no/false 0. */
export function inspectValueToFloat(value: unknown): Parsed<number> {
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
  if (typeof value === 'boolean') return { ok: true, value: value ? 1 : 0 };
  if (typeof value === 'string') {
    if (value === 'C') return { ok: true, value: 1 };
    if (value === 'P') return { ok: true, value: 0.5 };
    if (value === 'I' || value === 'N') return { ok: true, value: 0 };
    const lower = value.toLowerCase();
    if (lower === 'yes' || lower === 'true') return { ok: true, value: 1 };
    if (lower === 'no' || lower === 'false') return { ok: true, value: 0 };
    if (lower.trim() !== '' && Number.isFinite(Number(lower))) return { ok: true, value: Number(lower) };
  }
  return { ok: false, reason: `value ${describe(value)} cannot be read as a number` };
}
