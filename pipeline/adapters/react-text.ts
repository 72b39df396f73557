/**
 * `react-text`: ReAct Thought/Action/Observation text logs, streamed line by line, including the
 * Reflexion layout: `BEGIN TRIAL n` blocks (the trial becomes `sample` = n − 1) with a printed
 * `Trial summary: Correct: a, Incorrect: b, Halted: c` and `BEGIN CORRECT/INCORRECT/HALTED AGENTS`
 * sections that give each episode its verdict. Halted episodes are kept as incorrect with
 * `meta.halted`. Reflexion lists an agent that finished exactly at the step limit under both
 * INCORRECT and HALTED: the second listing is counted as merged, not imported twice. An agent listed
 * without its transcript keeps its verdict as an outcome-only episode (`trace: "missing"`); one cut
 * short (no Finish, or no `Correct answer:` line at the end of a truncated log) gets `trace: "partial"`.
 */
import { createHash } from 'node:crypto';
import { normalizeAnswer } from '../../analyses/text/normalize';
import type { TraceKind, Trajectory } from '../formats/trajectory';
import { readLines } from '../io/lines';
import { invalidUtf8Reason } from '../io/utf8';
import { InvalidUtf8FileError } from './shared/json-file';
import type { Adapter, AdapterContext, AdapterItem, FieldSources } from './types';
import { reactLine, reactSteps, type ReactEntry } from './shared/react-episode';

type Section = 'CORRECT' | 'INCORRECT' | 'HALTED';

const TRIAL = /^BEGIN TRIAL (\d+)\s*$/;
const SUMMARY = /^Trial summary: Correct: (\d+), Incorrect: (\d+), Halted: (\d+)/;
const SECTION = /^-+ BEGIN (CORRECT|INCORRECT|HALTED) AGENTS -+\s*$/;
const RULE = /^#{3,}\s*$/;
const QUESTION = /^Question:\s?(.*)$/;
const GOLD = /^Correct answer:\s?(.*)$/;
// Reflexion appends its reflections to the question line without a line break.
const REFLECTION_START = 'You have attempted to answer';

/** The react-text adapter. */
export const reactTextAdapter: Adapter = {
  name: 'react-text',
  description: 'ReAct Thought/Action/Observation text logs (Search[..], Lookup[..], Finish[..]), Reflexion trial layout',
  options: [],
  sniff: (head) => /^(BEGIN TRIAL \d+|Question: .*)$/m.test(head.text) && /^(Thought|Action) \d+: /m.test(head.text),
  read: (context) => readReactLog(context),
};

/** Per-trial tallies: the verdicts imported and the summary the log printed. */
export interface TrialTally {
  trial: number;
  correct: number;
  incorrect: number;
  halted: number;
  merged: number;
  printed?: { correct: number; incorrect: number; halted: number };
}

interface Episode {
  line: number;
  question: string;
  entries: ReactEntry[];
  gold: string | undefined;
  hash: ReturnType<typeof createHash>;
}

async function* readReactLog(context: AdapterContext): AsyncGenerator<AdapterItem> {
  let trial: number | undefined;
  let section: Section | undefined;
  let episode: Episode | undefined;
  let closed = true;
  const tallies = new Map<number, TrialTally>();
  const seenInTrial = new Map<string, string>();
  let previousTrial = new Map<string, string>();
  let currentTrial = new Map<string, string>();
  const tally = (): TrialTally | undefined => {
    if (trial === undefined) return undefined;
    let entry = tallies.get(trial);
    if (!entry) tallies.set(trial, (entry = { trial, correct: 0, incorrect: 0, halted: 0, merged: 0 }));
    return entry;
  };

  function* finish(): Generator<AdapterItem> {
    if (!episode) return;
    const done = episode;
    episode = undefined;
    const digest = done.hash.digest('hex');
    const key = normalizeAnswer(done.question);
    const twin = seenInTrial.get(key);
    if (twin !== undefined) {
      if (twin === digest) {
        tally()!.merged += 1;
        yield { kind: 'merged', location: done.line, note: `listed again under ${section ?? 'no section'} in trial ${trial}: the same episode was already imported` };
      } else {
        yield { kind: 'reject', location: done.line, reason: `question listed twice in trial ${trial ?? '?'} with different episodes` };
      }
      return;
    }
    if (trial !== undefined) seenInTrial.set(key, digest);
    currentTrial.set(key, digest);
    yield convertEpisode(done, context, trial, section, previousTrial.get(key) === digest, tally());
  }

  // A text log has no record boundaries to reject around a bad line: it is checked first and rejected whole.
  if (!context.lenientUtf8) {
    for await (const { line, invalidUtf8At } of readLines(context.file)) {
      if (invalidUtf8At !== undefined) throw new InvalidUtf8FileError(`line ${line}: ${invalidUtf8Reason(invalidUtf8At, 'line')}`);
    }
  }
  for await (const { line, text } of readLines(context.file)) {
    let match: RegExpExecArray | null;
    let entry: ReactEntry | null;
    if ((match = TRIAL.exec(text))) {
      yield* finish();
      trial = Number(match[1]);
      section = undefined;
      closed = true;
      seenInTrial.clear();
      previousTrial = currentTrial;
      currentTrial = new Map();
      tally();
    } else if ((match = SUMMARY.exec(text))) {
      const entry = tally();
      if (entry) entry.printed = { correct: Number(match[1]), incorrect: Number(match[2]), halted: Number(match[3]) };
    } else if ((match = SECTION.exec(text))) {
      yield* finish();
      section = match[1] as Section;
      closed = true;
    } else if (RULE.test(text)) {
      // separator lines of the trial header
    } else if ((match = QUESTION.exec(text))) {
      yield* finish();
      episode = startEpisode(line, match[1]!);
      closed = false;
    } else if (episode && !closed && (entry = reactLine(text))) {
      episode.entries.push(entry);
      episode.hash.update(`${text}\n`);
    } else if (episode && !closed && (match = GOLD.exec(text))) {
      episode.gold = match[1]!;
      episode.hash.update(`${text}\n`);
      closed = true;
    } else if (episode && !closed) {
      const last = episode.entries[episode.entries.length - 1];
      if (last) last.text += `\n${text}`;
      else if (text.trim() !== '') episode.entries.push({ kind: 'reflection', text });
      episode.hash.update(`${text}\n`);
    } else if (text.trim() !== '') {
      yield { kind: 'reject', location: line, reason: `line outside any episode: "${text.slice(0, 60)}"` };
    }
  }
  yield* finish();
  if (tallies.size > 0) yield { kind: 'info', key: 'trials', value: [...tallies.values()] };
}

function startEpisode(line: number, questionLine: string): Episode {
  const cut = questionLine.indexOf(REFLECTION_START);
  const question = (cut === -1 ? questionLine : questionLine.slice(0, cut)).trim();
  const entries: ReactEntry[] = cut === -1 ? [] : [{ kind: 'reflection', text: questionLine.slice(cut) }];
  const hash = createHash('sha1').update(`${questionLine}\n`);
  return { line, question, entries, gold: undefined, hash };
}

/**
 * The section gives the verdict even when the log kept no transcript (Reflexion reprints solved
 * questions in later trials as just the question and its answer) or cut it: the outcome is kept, never
 * dropped, since dropping only the solved ones would bias PASS@k. Halted agents stop before Finish.
 */
function traceOf(section: Section, acted: boolean, finished: boolean, hasGold: boolean): TraceKind | undefined {
  if (!acted) return 'missing';
  if (!hasGold || (!finished && section !== 'HALTED')) return 'partial';
  return undefined;
}

function convertEpisode(
  episode: Episode,
  context: AdapterContext,
  trial: number | undefined,
  section: Section | undefined,
  sameAsPrevious: boolean,
  tally: TrialTally | undefined,
): AdapterItem {
  const reject = (reason: string): AdapterItem => ({ kind: 'reject', location: episode.line, reason });
  if (episode.question === '') return reject(`episode without question text (found "Question:" with nothing after it, then ${episode.entries.length} Thought/Action/Observation entries)`);
  const { steps, answer, printedVerdict } = reactSteps(episode.entries);
  const finished = answer !== null;
  const acted = steps.some((step) => step.type !== 'message' || step.role !== 'reflection');
  const trace = section === undefined ? undefined : traceOf(section, acted, finished, episode.gold !== undefined);
  const halted = section === 'HALTED';
  const correct = section === 'CORRECT' ? true : section === 'INCORRECT' || halted ? false : printedVerdict;
  if (tally) {
    if (halted) tally.halted += 1;
    else if (correct) tally.correct += 1;
    else tally.incorrect += 1;
  }
  const trajectory: Trajectory = {
    policy: context.policy || context.defaultPolicy,
    task: episode.question,
    ...(trial !== undefined ? { sample: trial - 1 } : {}),
    steps,
    answer,
    ...(correct !== undefined ? { correct } : {}),
    ...(trace !== undefined ? { trace } : {}),
    meta: {
      source: 'react-text',
      line: episode.line,
      question: episode.question,
      ...(trial !== undefined ? { trial } : {}),
      ...(section !== undefined ? { section: section.toLowerCase() } : {}),
      ...(halted ? { halted: true } : {}),
      finished,
      ...(section !== undefined && episode.gold === undefined ? { truncated: true } : {}),
      ...(trial !== undefined ? { same_as_previous_trial: sameAsPrevious } : {}),
      ...(episode.gold !== undefined ? { gold: episode.gold } : {}),
    },
  };
  const task = { task: episode.question, question: episode.question, ...(episode.gold !== undefined ? { answers: [episode.gold] } : {}) };
  const fields: FieldSources = {
    task: 'question text (ReAct logs carry no task ids)',
    ...(trial !== undefined ? { sample: 'BEGIN TRIAL n (sample n - 1)' } : {}),
    ...(correct !== undefined ? { correct: section !== undefined ? 'section (BEGIN CORRECT / INCORRECT / HALTED AGENTS)' : '"Answer is CORRECT/INCORRECT" after Finish' } : {}),
  };
  return { kind: 'trajectory', location: episode.line, trajectory, task, fields };
}
