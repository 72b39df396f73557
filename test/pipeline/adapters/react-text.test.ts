import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeAnswer } from '../../../analyses/text/normalize';
import { loadHotpotqa } from '../../../pipeline/environment/hotpotqa/load-hotpotqa';
import { TrajectorySchema } from '../../../pipeline/formats/trajectory';
import type { TrialTally } from '../../../pipeline/adapters/react-text';
import { FIXTURES, fixture, runAdapter, tempDir, writeTemp, type AdapterRun } from './helpers';

const present = existsSync(FIXTURES);
if (!present) console.warn(`react-text fixture tests skipped: ${FIXTURES} is absent (the Reflexion ReAct log lives there).`);

/** An independent reading of the log: per trial, the printed summary and the entries of each section. */
function readSections(text: string) {
  const parts = text.split(/^BEGIN TRIAL (\d+)\n/m);
  const trials: { trial: number; printed: number[]; sections: Record<string, { question: string; finished: boolean; body: string }[]> }[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    // The next trial's '####' header rule follows the last entry; it is not part of the episode.
    const body = parts[i + 1]!.replace(/^#{3,}\s*$/gm, '');
    const printed = /Trial summary: Correct: (\d+), Incorrect: (\d+), Halted: (\d+)/.exec(body)!.slice(1).map(Number);
    const chunks = body.split(/^-+ BEGIN (CORRECT|INCORRECT|HALTED) AGENTS -+\n/m);
    const sections: Record<string, { question: string; finished: boolean; body: string }[]> = {};
    for (let j = 1; j < chunks.length; j += 2) {
      sections[chunks[j]!] = chunks[j + 1]!
        .split(/^(?=Question:)/m)
        .filter((entry) => entry.startsWith('Question:'))
        .map((entry) => ({ question: entry.split('\n')[0]!.slice('Question:'.length).trim(), finished: /^Action \d+: Finish\[/m.test(entry), body: entry.trim() }));
    }
    trials.push({ trial: Number(parts[i]), printed, sections });
  }
  return trials;
}

describe.skipIf(!present)('react-text on the Reflexion ReAct log (100 HotpotQA questions, 5 trials)', () => {
  const file = fixture('react-text', 'reflexion-react-base-5-trials.txt');
  let run: AdapterRun;
  let sections: ReturnType<typeof readSections>;
  let starts: number[];
  beforeAll(async () => {
    const text = readFileSync(file, 'utf8');
    sections = readSections(text);
    starts = [...text.split('\n').entries()].filter(([, line]) => line.startsWith('BEGIN TRIAL ')).map(([index]) => index + 1);
    run = await runAdapter('react-text', file);
  });

  it('imports one valid trajectory per question and trial: 500, with nothing rejected', () => {
    expect(run.rejects).toEqual([]);
    expect(run.trajectories).toHaveLength(500);
    for (const { trajectory } of run.trajectories) expect(TrajectorySchema.safeParse(trajectory).success).toBe(true);
    for (let sample = 0; sample < 5; sample++) {
      const questions = run.trajectories.filter((item) => item.trajectory.sample === sample).map((item) => item.trajectory.task);
      expect(new Set(questions).size).toBe(100);
    }
  });

  it("reproduces each trial's printed Correct and Incorrect counts", () => {
    for (const { trial, printed } of sections) {
      const ofTrial = run.trajectories.filter((item) => item.trajectory.meta?.trial === trial).map((item) => item.trajectory);
      expect(ofTrial.filter((t) => t.correct).length, `trial ${trial} correct`).toBe(printed[0]);
      expect(ofTrial.filter((t) => !t.correct && !t.meta?.halted).length, `trial ${trial} incorrect`).toBe(printed[1]);
    }
  });

  it('keeps every halted agent as incorrect with meta.halted, merging the listings that repeat a finished agent', () => {
    const mismatches: { trial: number; printed: number; imported: number }[] = [];
    for (const { trial, printed, sections: listed } of sections) {
      const ofTrial = run.trajectories.filter((item) => item.trajectory.meta?.trial === trial).map((item) => item.trajectory);
      const halted = ofTrial.filter((t) => t.meta?.halted);
      expect(halted.every((t) => t.correct === false && t.answer === null && t.meta?.finished === false)).toBe(true);
      const unfinished = listed.HALTED!.filter((entry) => !entry.finished);
      expect(halted.length).toBe(unfinished.length);
      // A HALTED entry that finished is the same text as its INCORRECT listing: merged, not imported twice.
      const repeats = listed.HALTED!.filter((entry) => entry.finished);
      for (const entry of repeats) expect(listed.INCORRECT!.some((other) => other.body === entry.body)).toBe(true);
      expect(run.merged.filter((item) => sameTrial(item.location, trial)).length).toBe(repeats.length);
      if (halted.length !== printed[2]) mismatches.push({ trial, printed: printed[2]!, imported: halted.length });
    }
    // The log's own header disagrees with its sections once: trial 3 prints Halted: 9 but lists ten
    // unfinished agents (34 + 56 + 9 = 99 of its 100 questions).
    expect(mismatches).toEqual([{ trial: 3, printed: 9, imported: 10 }]);
    const tallies = run.info.find((item) => item.key === 'trials')!.value as TrialTally[];
    expect(tallies.map((tally) => [tally.trial, tally.correct, tally.incorrect, tally.halted, tally.merged])).toEqual([
      [1, 34, 56, 10, 3],
      [2, 34, 57, 9, 3],
      [3, 34, 56, 10, 2],
      [4, 34, 57, 9, 2],
      [5, 34, 56, 10, 2],
    ]);
    expect(tallies[2]!.printed).toEqual({ correct: 34, incorrect: 56, halted: 9 });
  });

  function sameTrial(line: number | string, trial: number): boolean {
    const index = starts.findIndex((start, i) => (line as number) > start && (i + 1 === starts.length || (line as number) < starts[i + 1]!));
    return index + 1 === trial;
  }

  it('marks the episodes a trial copied unchanged from the previous one (Reflexion re-runs only unsolved agents)', () => {
    for (const { trial } of sections.slice(1)) {
      const previous = new Map<string, string>();
      const before = sections.find((s) => s.trial === trial - 1)!;
      for (const list of Object.values(before.sections)) for (const entry of list) if (!previous.has(entry.question)) previous.set(entry.question, entry.body);
      const current = sections.find((s) => s.trial === trial)!;
      const same = new Set<string>();
      const seen = new Set<string>();
      for (const list of Object.values(current.sections)) {
        for (const entry of list) {
          if (seen.has(entry.question)) continue;
          seen.add(entry.question);
          if (previous.get(entry.question) === entry.body) same.add(entry.question);
        }
      }
      const flagged = run.trajectories.filter((item) => item.trajectory.meta?.trial === trial && item.trajectory.meta?.same_as_previous_trial).length;
      expect(flagged, `trial ${trial}`).toBe(same.size);
    }
    expect(run.trajectories.filter((item) => item.trajectory.meta?.trial === 1 && item.trajectory.meta?.same_as_previous_trial).length).toBe(0);
  });

  it('keeps retrieval data: a found page is a document titled by the Search argument, misses have none', () => {
    const first = run.trajectories[0]!.trajectory;
    expect(first.task).toBe('Which of Jonny Craig and Pete Doherty has been a member of more bands ?');
    expect(first.steps.slice(0, 4)).toEqual([
      { type: 'think', text: expect.stringMatching(/^I need to search Jonny Craig/) },
      { type: 'call', tool: 'search', args: { query: 'Jonny Craig' } },
      { type: 'result', tool: 'search', text: expect.stringMatching(/^Jonathan Monroe Craig/), docs: [{ title: 'Jonny Craig', text: expect.stringMatching(/^Jonathan Monroe Craig/) }] },
      { type: 'think', text: expect.any(String) },
    ]);
    expect(first.answer).toBe('Jonny Craig');
    expect(first.correct).toBe(true);
    const misses = run.trajectories.flatMap((item) => item.trajectory.steps).filter((step) => step.type === 'result' && step.text.startsWith('Could not find'));
    expect(misses.length).toBeGreaterThan(0);
    expect(misses.every((step) => step.type === 'result' && step.docs === undefined)).toBe(true);
  });

  it('names tasks by question text, which matches the HotpotQA distractor tasks, and keeps their gold titles findable', () => {
    const hotpot = loadHotpotqa(fixture('hotpotqa', 'distractor-100.json'));
    const byQuestion = new Map(hotpot.map((task) => [normalizeAnswer(task.question), task]));
    const tasks = new Set(run.trajectories.map((item) => normalizeAnswer(item.trajectory.meta?.question as string)));
    expect(tasks.size).toBe(100);
    expect([...tasks].filter((question) => !byQuestion.has(question))).toEqual([]);
    let someGold = 0;
    let allGold = 0;
    for (const item of run.trajectories) {
      const task = byQuestion.get(normalizeAnswer(item.trajectory.task))!;
      expect(item.task?.answers).toEqual(task.answers);
      const titles = new Set(item.trajectory.steps.flatMap((step) => (step.type === 'result' ? (step.docs ?? []).map((doc) => normalizeAnswer(doc.title ?? '')) : [])));
      const gold = (task.gold_docs ?? []).map(normalizeAnswer);
      if (gold.some((title) => titles.has(title))) someGold += 1;
      if (gold.every((title) => titles.has(title))) allGold += 1;
    }
    // Search[...] titles are what retrieval success is measured on: 337 of 500 episodes open at least
    // one supporting page, 145 open both (all 75 comparison episodes and 70 of 425 bridge episodes).
    expect([someGold, allGold]).toEqual([337, 145]);
  });
});

describe('react-text on corrupted copies', () => {
  const EPISODE = (question: string, answer: string, verdict: string) =>
    [`Question: ${question}`, 'Thought 1: I should search.', `Action 1: Search[${answer}]`, `Observation 1: ${answer} is a thing.`, 'continued observation line', 'Thought 2: Done.', `Action 2: Finish[${answer}]`, `Observation 2: Answer is ${verdict}`, `Correct answer: ${answer}`, ''];

  it('keeps an episode cut before Finish and a truncated last episode as partial traces, and rejects stray lines', async () => {
    const lines = [
      '', '########################################', 'BEGIN TRIAL 1', 'Trial summary: Correct: 2, Incorrect: 0, Halted: 1', '#######################################',
      '------------- BEGIN CORRECT AGENTS -------------', '',
      ...EPISODE('Q one?', 'A', 'CORRECT'),
      ...EPISODE('Q two?', 'B', 'CORRECT').filter((line) => !line.startsWith('Action 2')),
      '------------- BEGIN INCORRECT AGENTS -----------', '',
      'stray text between sections',
      '------------- BEGIN HALTED AGENTS --------------', '',
      'Question: Q three?', 'Thought 1: Search.', 'Action 1: Lookup[x]', 'Observation 1: No Results', 'Thought 2: hmm',
    ];
    const run = await runAdapter('react-text', writeTemp(tempDir(), 'log.txt', lines.join('\n')));
    expect(run.trajectories.map((item) => [item.trajectory.task, item.trajectory.correct, item.trajectory.steps.length, item.trajectory.trace])).toEqual([
      ['Q one?', true, 6, undefined],
      // Listed as correct but cut before its Finish: the verdict is kept, the trace marked partial.
      ['Q two?', true, 5, 'partial'],
      // The log ends inside a halted agent: no "Correct answer:" line, a partial trace.
      ['Q three?', false, 4, 'partial'],
    ]);
    expect(run.trajectories[2]!.trajectory.meta).toMatchObject({ halted: true, truncated: true });
    expect(run.trajectories[0]!.trajectory.steps[2]).toEqual({ type: 'result', tool: 'search', text: 'A is a thing.\ncontinued observation line', docs: [{ title: 'A', text: 'A is a thing.\ncontinued observation line' }] });
    expect(run.rejects.map((reject) => [reject.location, reject.reason])).toEqual([[29, 'line outside any episode: "stray text between sections"']]);
  });

  it('reads a plain ReAct log without trials or sections, verdict from the Finish observation', async () => {
    const text = [...EPISODE('Q one?', 'A', 'CORRECT'), ...EPISODE('Q two?', 'B', 'INCORRECT')].join('\n');
    const run = await runAdapter('react-text', writeTemp(tempDir(), 'plain.txt', text));
    expect(run.rejects).toEqual([]);
    expect(run.trajectories.map((item) => [item.trajectory.task, item.trajectory.sample, item.trajectory.correct])).toEqual([
      ['Q one?', undefined, true],
      ['Q two?', undefined, false],
    ]);
  });

  it('splits Reflexion reflections off the question line into a reflection message', async () => {
    const text = ['Question: Q one?You have attempted to answer following question before and failed. Reflections:', '- I searched the wrong page.', ...EPISODE('x', 'A', 'CORRECT').slice(1)].join('\n');
    const run = await runAdapter('react-text', writeTemp(tempDir(), 'reflexion.txt', text));
    const trajectory = run.trajectories[0]!.trajectory;
    expect(trajectory.task).toBe('Q one?');
    expect(trajectory.steps[0]).toEqual({ type: 'message', role: 'reflection', text: 'You have attempted to answer following question before and failed. Reflections:\n- I searched the wrong page.' });
  });
});
