/**
 * `fireact`: FireAct trajectory files — an object keyed by question index, each value
 * `{reward, em, f1, gt, pred, prompt, traj}`. `traj` is either a chat whose assistant turns read
 * `Thought: …\nAction: search[q]` and whose user turns read `Observation: …` (the environment runs the
 * first Action of a turn; text after it stays as thought), or — in the Llama fine-tunes' files — one
 * string: an Alpaca prompt (`### Instruction:` / `### Response:`) followed by ReAct lines. Verdict = `em`,
 * score = `f1`; a record with `em` but no `traj` is an outcome-only episode. Also reads a JSONL
 * conversion (one value per line, the key in `_key`).
 */
import type { Step } from '../formats/trajectory';
import { reactLine, reactSteps, type ReactEntry } from './shared/react-episode';
import type { Adapter, AdapterContext, AdapterItem, RecordLocation } from './types';
import { readRecords, type EntriesOf } from './shared/records';
import { describe, toNumber, toVerdict, unitScore } from './shared/values';

// The first line-start `Action: name[arg]`; the argument ends at the line's first `]` (models append words after it).
const ACTION = /^Action:\s*(\w+)\[([^\]\n]*)\]?.*$/m;

/** The fireact adapter. */
export const fireactAdapter: Adapter = {
  name: 'fireact',
  description: 'FireAct trajectory files: {index: {em, f1, gt, pred, traj}}, traj as Thought/Action chat turns or Alpaca-prompt ReAct text',
  options: [],
  sniff: (head) => /"traj"\s*:/.test(head.text) && /"em"\s*:/.test(head.text),
  async *read(context) {
    for await (const record of readRecords(context.file, context, keyedEntries)) {
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
  const key = typeof _key === 'string' ? _key : String(location);
  const verdict = toVerdict(em, 1, '"em"');
  if (!verdict.ok) return reject(verdict.reason);
  const score = f1 === undefined ? undefined : toNumber(f1, '"f1"');
  if (score && !score.ok) return reject(score.reason);
  const episode = typeof traj === 'string' && traj.trim() !== '' ? textEpisode(traj) : Array.isArray(traj) && traj.length > 0 ? chatEpisode(traj) : undefined;
  if (typeof episode === 'string') return reject(episode);
  // Without a trajectory the verdict is still known: an outcome-only episode, named by its record key.
  const task = episode?.question ?? key;
  return {
    kind: 'trajectory',
    location,
    trajectory: {
      policy: context.policy || context.defaultPolicy,
      task,
      steps: episode?.steps ?? [],
      ...(episode ? { answer: episode.answer } : { trace: 'missing' as const }),
      correct: verdict.value,
      ...(score?.ok && unitScore(score.value) !== undefined ? { score: score.value } : {}),
      meta: {
        source: 'fireact',
        record: key,
        ...(episode ? { question: episode.question, traj_form: typeof traj === 'string' ? 'text' : 'chat' } : {}),
        ...(typeof pred === 'string' ? { pred } : {}),
        ...(typeof gt === 'string' ? { gt } : {}),
        ...(reward !== undefined ? { reward } : {}),
      },
    },
    ...(episode ? { task: { task, question: episode.question, ...(typeof gt === 'string' ? { answers: [gt] } : {}) } } : {}),
    fields: {
      task: episode ? `question text (${typeof traj === 'string' ? 'traj "### Instruction:"' : 'traj[0]'}; the record key is meta.record)` : `record key (traj is ${describe(traj)}: no question)`,
      correct: 'em',
    },
  };
}

/** A converted FireAct trajectory: its question, steps and final answer. */
interface FireactEpisode {
  question: string;
  steps: Step[];
  answer: string | null;
}

// The chat form: a user question, then assistant turns with Thought/Action and user turns with Observation.
function chatEpisode(traj: readonly unknown[]): FireactEpisode | string {
  const turns: { role: string; content: string }[] = [];
  for (const [index, turn] of traj.entries()) {
    const { role, content } = (turn ?? {}) as Record<string, unknown>;
    if (typeof role !== 'string' || typeof content !== 'string') return `traj[${index}] is ${describe(turn)}, not a {role, content} message`;
    turns.push({ role, content });
  }
  const question = turns[0]!.role === 'user' ? turns[0]!.content.trim() : '';
  if (question === '') return `traj[0] is not the user question (found role "${turns[0]!.role}": ${describe(turns[0]!.content)})`;
  return { question, ...turnsToSteps(turns.slice(1)) };
}

const INSTRUCTION = /### Instruction:[ \t]*\n([\s\S]*?)\n[ \t]*### Response:[ \t]*\n?/;

// The text form of FireAct's Llama runs: an Alpaca prompt (`### Instruction:` question, `### Response:`)
// followed by ReAct lines, read with the ReAct grammar every ReAct adapter shares.
function textEpisode(traj: string): FireactEpisode | string {
  const match = INSTRUCTION.exec(traj);
  const question = match?.[1]!.trim() ?? '';
  if (!match || question === '') return `"traj" is text without an "### Instruction:" question followed by "### Response:" (found ${describe(traj)})`;
  const entries: ReactEntry[] = [];
  for (const line of traj.slice(match.index + match[0].length).split('\n')) {
    const entry = reactLine(line);
    const last = entries[entries.length - 1];
    if (entry) entries.push(entry);
    else if (last) last.text += `\n${line}`;
    else if (line.trim() !== '') entries.push({ kind: 'think', text: line });
  }
  // FireAct's search returns snippets, not the page of the searched name: results carry no documents.
  const { steps, answer } = reactSteps(entries, { pageDocuments: false });
  return { question, steps, answer };
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
