import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeAnswer } from '../../../analyses/text/normalize';
import { TrajectorySchema } from '../../../pipeline/formats/trajectory';
import { InputFileError } from '../../../pipeline/errors';
import { FIXTURES, fixture, runAdapter, tempDir, writeTemp, type AdapterRun } from './helpers';

const present = existsSync(FIXTURES);
if (!present) console.warn(`fireact fixture tests skipped: ${FIXTURES} is absent (the FireAct trajectory file lives there).`);

type Entry = { em: boolean; f1: number; gt: string; pred: string; reward: boolean; traj: { role: string; content: string }[] };

describe.skipIf(!present)('fireact on the fine-tuned GPT-3.5 HotpotQA trajectories', () => {
  const file = fixture('fireact', 'hotpotqa-gpt-3.5-ft.json');
  let source: Record<string, Entry>;
  let run: AdapterRun;
  beforeAll(async () => {
    source = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry>;
    run = await runAdapter('fireact', file);
  });

  it('converts every keyed record into a valid trajectory', () => {
    expect(run.rejects).toEqual([]);
    expect(run.trajectories.map((item) => item.location)).toEqual(Object.keys(source));
    for (const { trajectory } of run.trajectories) expect(TrajectorySchema.safeParse(trajectory).success).toBe(true);
  });

  it('reproduces the mean em as accuracy and the mean f1 as mean score', () => {
    const entries = Object.values(source);
    const meanEm = entries.filter((entry) => entry.em).length / entries.length;
    const meanF1 = entries.reduce((sum, entry) => sum + entry.f1, 0) / entries.length;
    const trajectories = run.trajectories.map((item) => item.trajectory);
    expect(trajectories.filter((t) => t.correct).length / trajectories.length).toBeCloseTo(meanEm, 12);
    expect(trajectories.reduce((sum, t) => sum + (t.score ?? NaN), 0) / trajectories.length).toBeCloseTo(meanF1, 12);
    expect(meanEm).toBeCloseTo(200 / 465, 12);
  });

  it('turns thoughts, the executed action and observations into steps; the finish argument is the answer', () => {
    for (const item of run.trajectories) {
      const entry = source[item.location as string]!;
      const assistant = entry.traj.filter((turn) => turn.role === 'assistant');
      const steps = item.trajectory.steps;
      // One executed action per assistant turn: a call or the final answer.
      expect(steps.filter((step) => step.type === 'call' || step.type === 'answer')).toHaveLength(assistant.length);
      const finish = /^Action:\s*finish\[([\s\S]*?)\]\s*$/im.exec(assistant[assistant.length - 1]!.content);
      expect(item.trajectory.answer).toBe(finish![1]);
      // FireAct stores its normalized prediction in `pred`; when a finish turn holds further actions its
      // own parser ran on past the bracket, so only single-action finish turns can be compared.
      if (assistant[assistant.length - 1]!.content.match(/^Action:/gm)!.length === 1) {
        expect(normalizeAnswer(item.trajectory.answer!)).toBe(normalizeAnswer(entry.pred));
      }
      expect(item.trajectory.meta?.pred).toBe(entry.pred);
      expect(item.trajectory.task).toBe(entry.traj[0]!.content.trim());
      expect(item.task?.answers).toEqual([entry.gt]);
    }
  });

  it('keeps the unexecuted second action of a turn as thought (the click example, key 457)', () => {
    const item = run.trajectories.find((candidate) => candidate.location === '457')!;
    const calls = item.trajectory.steps.filter((step) => step.type === 'call').map((step) => step.type === 'call' && step.tool);
    expect(calls).toEqual(['search', 'click', 'search']);
    expect(item.trajectory.steps.some((step) => step.type === 'think' && step.text.startsWith('Action: search[tales associated with Frigg]'))).toBe(true);
  });
});

describe('fireact on corrupted copies', () => {
  const good = { em: true, f1: 1, gt: 'x', pred: 'x', reward: true, traj: [{ role: 'user', content: 'Q?' }, { role: 'assistant', content: 'Thought: easy.\nAction: finish[X]' }, { role: 'user', content: 'Observation: Episode finished, reward = True' }] };

  it('keeps a record without traj as outcome-only; rejects an unreadable em or a traj without the question turn', async () => {
    const file = writeTemp(tempDir(), 'fireact.json', JSON.stringify({ 1: good, 2: { ...good, traj: [] }, 3: { ...good, em: 'perhaps' }, 4: { ...good, traj: [{ role: 'assistant', content: 'x' }] }, 5: 'nope' }));
    const run = await runAdapter('fireact', file);
    expect(run.trajectories.map((item) => [item.location, item.trajectory.task, item.trajectory.correct, item.trajectory.answer, item.trajectory.trace])).toEqual([
      ['1', 'Q?', true, 'X', undefined],
      ['2', '2', true, undefined, 'missing'],
    ]);
    expect(run.trajectories[1]!.fields).toEqual({ task: 'record key (traj is an array: no question)', correct: 'em' });
    expect(run.trajectories[0]!.trajectory.steps).toEqual([
      { type: 'think', text: 'easy.' },
      { type: 'answer', text: 'X' },
      { type: 'message', role: 'environment', text: 'Episode finished, reward = True' },
    ]);
    expect(run.rejects.map((reject) => [reject.location, reject.reason])).toEqual([
      ['3', '"em" is "perhaps", not a number or true/false'],
      ['4', 'traj[0] is not the user question (found role "assistant": "x")'],
      ['5', 'record is "nope", not an object'],
    ]);
  });

  it('refuses a truncated file and a root that is not keyed records', async () => {
    const dir = tempDir();
    await expect(runAdapter('fireact', writeTemp(dir, 'cut.json', JSON.stringify({ 1: good }).slice(0, 40)))).rejects.toThrow(/not valid JSON/);
    await expect(runAdapter('fireact', writeTemp(dir, 'cut2.json', '{"1": {'))).rejects.toThrow(InputFileError);
    const run = await runAdapter('fireact', writeTemp(dir, 'list.json', JSON.stringify([good])));
    expect(run.rejects).toEqual([{ kind: 'reject', location: '(file)', reason: 'a FireAct file is an object keyed by question index' }]);
  });

  it('reads the JSONL conversion, keys from _key', async () => {
    const file = writeTemp(tempDir(), 'fireact.jsonl', `${JSON.stringify({ ...good, _key: '6238' })}\n${JSON.stringify({ ...good, em: false, _key: '6239' })}\n`);
    const run = await runAdapter('fireact', file);
    expect(run.trajectories.map((item) => [item.location, item.trajectory.meta?.record, item.trajectory.correct])).toEqual([
      [1, '6238', true],
      [2, '6239', false],
    ]);
  });
});

describe('fireact text trajectories (the Llama fine-tunes’ files)', () => {
  // The shape of FireAct's trajs/hotpotqa_dev_0_500_llama_*.json: `traj` is one string, an Alpaca prompt
  // then ReAct lines; `traj_by_line` repeats it split; `prompt` is empty. Questions and texts written here.
  const text = (question: string, lines: string[]) =>
    `Below is an instruction that describes a task. Write a response that appropriately completes the request.\n\n### Instruction:\n${question}\n\n### Response:\n${lines.join('\n')}\n`;
  const records = {
    '101': {
      reward: true, em: true, f1: 1.0, gt: 'mara voss', pred: 'mara voss', prompt: '',
      traj: text('Who directed the film Blue Harbor?', [
        'Thought: I need to search who directed Blue Harbor.',
        'Action: search[Blue Harbor film director]',
        'Observation: Blue Harbor is a 1994 film directed by Mara Voss.',
        'It was shot in Lisbon.',
        'Thought: The director is Mara Voss.',
        'Action: finish[Mara Voss]',
        'Observation: Episode finished, reward = True',
      ]),
    },
    '102': {
      reward: false, em: false, f1: 0.5, gt: 'ivo marsh', pred: 'ivo', prompt: '',
      traj: text('Who wrote Green Bay Nights?', [
        'Thought: Search it.',
        'Action: search[Green Bay Nights author]',
        'Observation: Green Bay Nights is a novel.',
        'Thought: Search again.',
        'Action: search[Green Bay Nights novel]',
        'Observation: It was written by Ivo Marsh.',
        'Thought: Ivo.',
        'Action: finish[Ivo]',
        'Observation: Episode finished, reward = False',
      ]),
    },
    '103': { reward: true, em: true, f1: 1.0, gt: 'x', pred: 'x', prompt: '' },
    '104': { reward: false, em: false, f1: 0, gt: 'y', pred: 'y', prompt: '', traj: 'Thought: no prompt at all\nAction: finish[y]' },
  };

  it('reads the Alpaca prompt and the ReAct lines with the shared grammar; no traj with em is outcome-only', async () => {
    const file = writeTemp(tempDir(), 'fireact-llama.json', JSON.stringify(records));
    const run = await runAdapter('fireact', file);
    const [first, second, third] = run.trajectories;
    expect(run.trajectories.map((item) => [item.location, item.trajectory.task, item.trajectory.correct, item.trajectory.answer, item.trajectory.trace])).toEqual([
      ['101', 'Who directed the film Blue Harbor?', true, 'Mara Voss', undefined],
      ['102', 'Who wrote Green Bay Nights?', false, 'Ivo', undefined],
      ['103', '103', true, undefined, 'missing'],
    ]);
    expect(first!.trajectory.steps).toEqual([
      { type: 'think', text: 'I need to search who directed Blue Harbor.' },
      { type: 'call', tool: 'search', args: { query: 'Blue Harbor film director' } },
      // A continuation line belongs to the observation; search snippets carry no document.
      { type: 'result', tool: 'search', text: 'Blue Harbor is a 1994 film directed by Mara Voss.\nIt was shot in Lisbon.' },
      { type: 'think', text: 'The director is Mara Voss.' },
      { type: 'answer', text: 'Mara Voss' },
      { type: 'message', role: 'environment', text: 'Episode finished, reward = True' },
    ]);
    // One call per Action line that is not finish, counted here from the raw text.
    const actions = (records['102'].traj.match(/^Action: (?!finish)/gm) ?? []).length;
    expect(second!.trajectory.steps.filter((step) => step.type === 'call')).toHaveLength(actions);
    expect(second!.trajectory.meta).toMatchObject({ record: '102', traj_form: 'text', pred: 'ivo', gt: 'ivo marsh' });
    expect(second!.trajectory.score).toBe(0.5);
    expect(first!.fields).toEqual({ task: 'question text (traj "### Instruction:"; the record key is meta.record)', correct: 'em' });
    expect(third!.task).toBeUndefined();
    expect(run.rejects).toEqual([{ kind: 'reject', location: '104', reason: '"traj" is text without an "### Instruction:" question followed by "### Response:" (found "Thought: no prompt at all\nAction: finish…")' }]);
  });
});
