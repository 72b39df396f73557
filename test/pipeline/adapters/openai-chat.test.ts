import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrajectorySchema, type Step, type Trajectory } from '../../../pipeline/formats/trajectory';
import { InputFileError, UserError } from '../../../pipeline/errors';
import { FIXTURES, fixture, runAdapter, tempDir, writeTemp, type AdapterRun } from './helpers';

const present = existsSync(FIXTURES);
if (!present) console.warn(`openai-chat fixture tests skipped: ${FIXTURES} is absent (real verifiers and tau-bench files live there).`);

type VerifiersRecord = { example_id: number; reward: number; answer: string; total_tool_calls: number; prompt: { role: string; content: string }[]; completion: { role: string; content: string; tool_calls: string[] | null }[] } & Record<string, unknown>;

const calls = (t: Trajectory) => t.steps.filter((step): step is Extract<Step, { type: 'call' }> => step.type === 'call');
const rounds = (t: Trajectory) => new Set(calls(t).map((call) => call.round)).size;

describe.skipIf(!present)('openai-chat on verifiers wiki-search results', () => {
  for (const model of ['gpt-4.1-mini', 'gpt-4.1-nano']) {
    describe(model, () => {
      const file = fixture('openai-chat', `wiki-search-${model}.jsonl`);
      let source: VerifiersRecord[];
      let run: AdapterRun;
      let perCall: AdapterRun;
      beforeAll(async () => {
        source = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as VerifiersRecord);
        run = await runAdapter('openai-chat', file);
        perCall = await runAdapter('openai-chat', file, { rounds: 'call' });
      });

      it('converts every record into a valid trajectory', () => {
        expect(run.rejects).toEqual([]);
        expect(run.trajectories).toHaveLength(source.length);
        for (const { trajectory } of run.trajectories) expect(TrajectorySchema.safeParse(trajectory).success).toBe(true);
      });

      it('reproduces the mean reward as the share of correct episodes (rewards are 0/1)', () => {
        const meanReward = source.reduce((sum, record) => sum + record.reward, 0) / source.length;
        expect(source.every((record) => record.reward === 0 || record.reward === 1)).toBe(true);
        const correct = run.trajectories.filter((item) => item.trajectory.correct).length;
        expect(correct / source.length).toBeCloseTo(meanReward, 12);
        expect(meanReward).toBeCloseTo(model === 'gpt-4.1-mini' ? 0.78 : 0.63, 12);
        run.trajectories.forEach((item, i) => expect(item.trajectory.score).toBe(source[i]!.reward));
      });

      it("reproduces the file's own tool-call counts, per tool and in total", () => {
        run.trajectories.forEach((item, i) => {
          const record = source[i]!;
          const made = calls(item.trajectory);
          expect(made).toHaveLength(record.total_tool_calls);
          for (const tool of ['search_pages', 'view_sections', 'read_section']) {
            expect(made.filter((call) => call.tool === tool).length).toBe(record[`${tool}_calls`]);
          }
        });
      });

      it('maps rounds: calls of one assistant message share a round; rounds=call makes rounds equal total_tool_calls', () => {
        run.trajectories.forEach((item, i) => {
          const callingMessages = source[i]!.completion.filter((message) => message.role === 'assistant' && (message.tool_calls?.length ?? 0) > 0).length;
          expect(rounds(item.trajectory)).toBe(callingMessages);
          expect(rounds(perCall.trajectories[i]!.trajectory)).toBe(source[i]!.total_tool_calls);
        });
        const parallel = run.trajectories.filter((item, i) => rounds(item.trajectory) < source[i]!.total_tool_calls).length;
        // gpt-4.1-mini never issues two calls in one message; nano does.
        expect(parallel > 0).toBe(model === 'gpt-4.1-nano');
      });

      it('takes the task id, question and gold answer from the record and pairs results with their calls', () => {
        run.trajectories.forEach((item, i) => {
          const record = source[i]!;
          expect(item.trajectory.task).toBe(String(record.example_id));
          expect(item.trajectory.meta?.question).toBe(record.prompt[record.prompt.length - 1]!.content);
          expect(item.task).toEqual({ task: String(record.example_id), question: record.prompt[1]!.content, answers: [record.answer] });
          const results = item.trajectory.steps.filter((step) => step.type === 'result');
          expect(results.every((step) => step.type === 'result' && step.tool !== 'tool')).toBe(true);
          expect(item.trajectory.policy).toBe(`wiki-search-${model}`);
          expect(item.fields).toEqual({ task: 'example_id', correct: 'reward >= 1' });
        });
      });

      it("turns search_pages' printed list of pages into documents, one per {'page_id', 'title'} dict", () => {
        run.trajectories.forEach((item, i) => {
          // Counted here on the raw text: every dict of a printed page list opens with 'page_id'.
          const raw = source[i]!.completion.filter((m) => m.role === 'tool').map((m) => (m.content.startsWith("[{'page_id'") ? (m.content.match(/\{'page_id': /g) ?? []).length : 0));
          const docs = item.trajectory.steps.flatMap((step) => (step.type === 'result' ? [step.docs?.length ?? 0] : []));
          expect(docs).toEqual(raw);
        });
        const first = run.trajectories[0]!.trajectory.steps.find((step) => step.type === 'result' && step.docs);
        expect(first?.type === 'result' && first.docs![0]).toMatchObject({ id: expect.any(String), title: expect.any(String), text: '' });
      });
    });
  }
});

type TauRecord = { task_id: number; trial: number; reward: number; info: { task: { instruction: string } }; traj: { role: string; content: string; tool_calls?: unknown[] | null }[] };

describe.skipIf(!present)('openai-chat on tau-bench historical trajectories', () => {
  const file = fixture('tau-bench', 'gpt-4o-airline-sample.json');
  let source: TauRecord[];
  let run: AdapterRun;
  beforeAll(async () => {
    source = JSON.parse(readFileSync(file, 'utf8')) as TauRecord[];
    run = await runAdapter('openai-chat', file, {}, { policy: 'gpt-4o' });
  });

  it('reproduces the reward of every task and trial', () => {
    expect(run.rejects).toEqual([]);
    const byKey = new Map(run.trajectories.map((item) => [`${item.trajectory.task}/${item.trajectory.sample}`, item.trajectory]));
    expect(byKey.size).toBe(source.length);
    for (const record of source) {
      const trajectory = byKey.get(`${record.task_id}/${record.trial}`)!;
      expect(trajectory.correct).toBe(record.reward === 1);
      expect(trajectory.score).toBe(record.reward);
      expect(TrajectorySchema.safeParse(trajectory).success).toBe(true);
    }
    const perTask = new Map<string, number>();
    for (const item of run.trajectories) if (item.trajectory.correct) perTask.set(item.trajectory.task, (perTask.get(item.trajectory.task) ?? 0) + 1);
    const expected = new Map<string, number>();
    for (const record of source) if (record.reward === 1) expected.set(String(record.task_id), (expected.get(String(record.task_id)) ?? 0) + 1);
    expect(perTask).toEqual(expected);
  });

  it('keeps every tool call and result, the user simulator turns, and the instruction as the question', () => {
    source.forEach((record, i) => {
      const trajectory = run.trajectories[i]!.trajectory;
      const sourceCalls = record.traj.reduce((sum, message) => sum + (message.tool_calls?.length ?? 0), 0);
      expect(calls(trajectory)).toHaveLength(sourceCalls);
      expect(trajectory.steps.filter((step) => step.type === 'result')).toHaveLength(record.traj.filter((message) => message.role === 'tool').length);
      expect(trajectory.steps.filter((step) => step.type === 'message' && step.role === 'user')).toHaveLength(record.traj.filter((message) => message.role === 'user').length);
      expect(trajectory.meta?.question).toBe(record.info.task.instruction);
      expect(trajectory.policy).toBe('gpt-4o');
      expect(run.trajectories[i]!.fields).toEqual({ task: 'task_id', sample: 'trial', correct: 'reward >= 1' });
    });
  });

  it('finds no documents in its API results (records, not hits with a title or text)', () => {
    const hasDocumentFields = (value: unknown): boolean => value !== null && typeof value === 'object' && ['title', 'text', 'snippet', 'content', 'url'].some((key) => key in (value as object));
    const withDocs = source.flatMap((record) => record.traj.filter((m) => m.role === 'tool')).filter((m) => {
      try {
        const parsed: unknown = JSON.parse(m.content);
        return Array.isArray(parsed) ? parsed.some(hasDocumentFields) : hasDocumentFields(parsed);
      } catch {
        return false;
      }
    }).length;
    const results = run.trajectories.flatMap((item) => item.trajectory.steps.filter((step) => step.type === 'result' && (step.docs?.length ?? 0) > 0));
    expect(results).toHaveLength(withDocs);
    expect(withDocs).toBe(0);
  });
});

describe('openai-chat on corrupted copies', () => {
  const good = { example_id: 1, prompt: [{ role: 'user', content: 'Q?' }], completion: [{ role: 'assistant', content: '', tool_calls: ['{"id":"c1","function":{"name":"search","arguments":"{\\"query\\":\\"q\\"}"},"type":"function"}'] }, { role: 'tool', content: 'r' }, { role: 'assistant', content: 'A' }], reward: 1, answer: 'A' };

  it('rejects each malformed record with its line and reason, converting the rest', async () => {
    const dir = tempDir();
    const lines = [
      JSON.stringify(good),
      '{"example_id": 2, "prompt": [',
      JSON.stringify({ ...good, example_id: 3, completion: undefined, prompt: undefined }),
      JSON.stringify({ ...good, example_id: 4, completion: [{ role: 'assistant', content: '', tool_calls: ['{not json'] }] }),
      JSON.stringify({ ...good, example_id: 5, reward: 'high' }),
      JSON.stringify({ ...good, example_id: 6, completion: [{ content: 'no role' }] }),
      JSON.stringify({ ...good, example_id: { nested: true } }),
      '',
      JSON.stringify({ ...good, example_id: 8, reward: 0 }),
    ];
    const run = await runAdapter('openai-chat', writeTemp(dir, 'corrupt.jsonl', `${lines.join('\n')}\n`));
    expect(run.trajectories.map((item) => [item.location, item.trajectory.task, item.trajectory.correct, item.trajectory.trace])).toEqual([
      [1, '1', true, undefined],
      // No messages but a reward: the outcome is kept (outcome-only), never rejected.
      [3, '3', true, 'missing'],
      [9, '8', false, undefined],
    ]);
    const reasons = Object.fromEntries(run.rejects.map((reject) => [reject.location, reject.reason]));
    expect(Object.keys(reasons).map(Number)).toEqual([2, 4, 5, 6, 7]);
    expect(reasons[2]).toMatch(/not valid JSON/);
    expect(reasons[4]).toMatch(/tool call .* is a string but not JSON/);
    expect(reasons[5]).toMatch(/reward reward is "high"/);
    expect(reasons[6]).toMatch(/prompt\+completion: message \[1\]: has no "role"/);
    expect(reasons[7]).toMatch(/task id example_id is an object/);
  });

  it('reads custom field paths and a verdict field', async () => {
    const dir = tempDir();
    const record = { qid: 'q-7', conversation: { turns: good.completion }, prompt_text: 'What?', ok: 'yes', run: 2 };
    const run = await runAdapter('openai-chat', writeTemp(dir, 'custom.jsonl', `${JSON.stringify(record)}\n`), { messages: 'conversation.turns', task: 'qid', question: 'prompt_text', correct: 'ok', sample: 'run' });
    expect(run.rejects).toEqual([]);
    const trajectory = run.trajectories[0]!.trajectory;
    expect(trajectory).toMatchObject({ task: 'q-7', sample: 2, correct: true, answer: 'A', meta: { question: 'What?' } });
    expect(trajectory.steps.map((step) => step.type)).toEqual(['call', 'result', 'answer']);
  });

  it('refuses a truncated whole-file JSON and one above the size limit, saying what to do', async () => {
    const dir = tempDir();
    const truncated = writeTemp(dir, 'tau.json', JSON.stringify([good, good]).slice(0, 150));
    await expect(runAdapter('openai-chat', truncated)).rejects.toThrow(InputFileError);
    const whole = writeTemp(dir, 'big.json', JSON.stringify([good, good, good]));
    const error = await runAdapter('openai-chat', whole, {}, { maxJsonBytes: 100 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/above the 0\.0 MB limit/);
    expect((error as UserError).hint).toMatch(/jq -c '\.\[\]' big\.json > records\.jsonl/);
  });
});
