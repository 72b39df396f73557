/**
 * `fireact`: FireAct trajectory files — an object keyed by question index, each value
 * `{reward, em, f1, gt, pred, prompt, traj}` where `traj` is a chat whose assistant turns read
 * `Thought: …\nAction: search[q]` and whose user turns read `Observation: …`. The environment runs the
 * first Action of a turn; text after it stays as thought. Verdict = `em`, score = `f1`. Also reads a
 * JSONL conversion (one value per line, the key in `_key`).
 */
import type { Step } from '../formats/trajectory';
import type { Adapter, AdapterContext, AdapterItem, RecordLocation } from './types';
import { readRecords, type EntriesOf } from './shared/records';
import { describe, toNumber, toVerdict, unitScore } from './shared/values';

// The first line-start `Action: name[arg]`; the argument ends at the line's first `]` (models append words after it).
const ACTION = /^Action:\s*(\w+)\[([^\]\n]*)\]?.*$/m;

/** The fireact adapter. */
export const fireactAdapter: Adapter = {
  name: 'fireact',
  description: 'FireAct trajectory files: {index: {em, f1, gt, pred, traj}} with Thought/Action chat turns',
  options: [],
  sniff: (head) => /"traj"\s*:/.test(head.text) && /"em"\s*:/.test(head.text),
  async *read(context) {
    for await (const record of readRecords(context.file, context.maxJsonBytes, keyedEntries)) {
      if (record.error !== undefined) yield { kind: 'reject', location: record.location, reason: record.error };
      else yield convert(record.value, record.location, context);
    }
  },
};

const keyedEntries: EntriesOf = (root) => {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return 'a FireAct file is an object keyed by question index';
  return Object.entries(root);
};

function convert(record: unknown, location: RecordLocation, context: AdapterContext): AdapterItem {
  const reject = (reason: string): AdapterItem => ({ kind: 'reject', location, reason });
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return reject(`record is ${describe(record)}, not an object`);
  const { traj, em, f1, gt, pred, reward, _key } = record as Record<string, unknown>;
  if (!Array.isArray(traj) || traj.length === 0) return reject('"traj" is missing or empty');
  const turns: { role: string; content: string }[] = [];
  for (const [index, turn] of traj.entries()) {
    const { role, content } = (turn ?? {}) as Record<string, unknown>;
    if (typeof role !== 'string' || typeof content !== 'string') return reject(`traj[${index}] is not a {role, content} message`);
    turns.push({ role, content });
  }
  const question = turns[0]!.role === 'user' ? turns[0]!.content.trim() : '';
  if (question === '') return reject('traj[0] is not the user question');
  const verdict = toVerdict(em, 1, '"em"');
  if (!verdict.ok) return reject(verdict.reason);
  const converted = turnsToSteps(turns.slice(1));
  const score = f1 === undefined ? undefined : toNumber(f1, '"f1"');
  if (score && !score.ok) return reject(score.reason);
  const key = typeof _key === 'string' ? _key : String(location);
  return {
    kind: 'trajectory',
    location,
    trajectory: {
      policy: context.policy || context.defaultPolicy,
      task: question,
      steps: converted.steps,
      answer: converted.answer,
      correct: verdict.value,
      ...(score?.ok && unitScore(score.value) !== undefined ? { score: score.value } : {}),
      meta: {
        source: 'fireact',
        record: key,
        question,
        ...(typeof pred === 'string' ? { pred } : {}),
        ...(typeof gt === 'string' ? { gt } : {}),
        ...(reward !== undefined ? { reward } : {}),
      },
    },
    task: { task: question, question, ...(typeof gt === 'string' ? { answers: [gt] } : {}) },
  };
}

// Assistant turns: thought text, then the first Action (executed); the next user turn is its observation.
function turnsToSteps(turns: readonly { role: string; content: string }[]): { steps: Step[]; answer: string | null } {
  const steps: Step[] = [];
  let answer: string | null = null;
  let pending: string | undefined;
  for (const { role, content } of turns) {
    if (role === 'assistant') {
      const match = ACTION.exec(content);
      const before = (match ? content.slice(0, match.index) : content).replace(/^Thought:\s*/, '').trim();
      if (before !== '') steps.push({ type: 'think', text: before });
      pending = undefined;
      if (match) {
        const name = match[1]!.toLowerCase();
        if (name === 'finish') {
          answer = match[2]!;
          steps.push({ type: 'answer', text: answer });
        } else {
          steps.push({ type: 'call', tool: name, args: { query: match[2]! } });
          pending = name;
        }
        const after = content.slice(match.index + match[0].length).trim();
        if (after !== '') steps.push({ type: 'think', text: after });
      }
    } else {
      const text = content.replace(/^Observation:\s*/, '');
      if (pending !== undefined) steps.push({ type: 'result', tool: pending, text });
      else steps.push({ type: 'message', role: role === 'user' ? 'environment' : role, text });
      pending = undefined;
    }
  }
  return { steps, answer };
}
