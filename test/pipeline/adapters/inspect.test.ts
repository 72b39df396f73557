import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrajectorySchema } from '../../../pipeline/formats/trajectory';
import { InputFileError, UserError } from '../../../pipeline/errors';
import { inspectValueToFloat } from '../../../pipeline/adapters/inspect';
import { runAdapter, tempDir, writeTemp, type AdapterRun } from './helpers';

// Built from Inspect's documented log schema (EvalLog / EvalSample / ChatMessage / ToolCall / Score):
// see docs/adapters.md for the sources.
const LOG = join(process.cwd(), 'test/fixtures/inspect/hotpot-search-eval.json');

type Log = { eval: { model: string }; results: { scores: { metrics: { accuracy: { value: number } } }[] }; samples: { id: string; epoch: number; scores: { match: { value: string } } }[] };

describe('inspect on an eval log built from the documented schema', () => {
  let log: Log;
  let run: AdapterRun;
  beforeAll(async () => {
    log = JSON.parse(readFileSync(LOG, 'utf8')) as Log;
    run = await runAdapter('inspect', LOG);
  });

  it('converts every sample into a valid trajectory: task = id, sample = epoch - 1, policy = eval.model', () => {
    expect(run.rejects).toEqual([]);
    expect(run.trajectories.map((item) => [item.trajectory.task, item.trajectory.sample, item.trajectory.policy])).toEqual(
      log.samples.map((sample) => [sample.id, sample.epoch - 1, log.eval.model]),
    );
    for (const { trajectory } of run.trajectories) expect(TrajectorySchema.safeParse(trajectory).success).toBe(true);
  });

  it("reproduces the log's accuracy metric as the mean score (value_to_float: C = 1, P = 0.5, I = 0)", () => {
    const scores = run.trajectories.map((item) => item.trajectory.score!);
    expect(scores).toEqual([1, 1, 0.5, 0]);
    expect(scores.reduce((a, b) => a + b, 0) / scores.length).toBeCloseTo(log.results.scores[0]!.metrics.accuracy.value, 12);
    expect(run.trajectories.map((item) => item.trajectory.correct)).toEqual([true, true, false, false]);
  });

  it('maps messages: parallel calls share a round, tool errors kept, reasoning as thought, the limit noted', () => {
    const [first, second, third, fourth] = run.trajectories.map((item) => item.trajectory);
    expect(first!.steps.filter((step) => step.type === 'call').map((step) => step.type === 'call' && step.round)).toEqual([0, 0]);
    expect(second!.steps.filter((step) => step.type === 'call').map((step) => step.type === 'call' && step.round)).toEqual([0, 1]);
    expect(first!.steps.at(-2)).toEqual({ type: 'think', text: '1844 is earlier than 1989.' });
    expect(first!.answer).toBe("Arthur's Magazine");
    expect(third!.steps).toContainEqual({ type: 'result', tool: 'search', text: '[tool error: query must not be empty]' });
    expect(fourth!.answer).toBeNull();
    expect(fourth!.meta).toMatchObject({ limit: 'message', score_value: 'I' });
    expect(run.trajectories[2]!.task).toEqual({ task: 'hp-2', question: 'The Oberoi family is part of a hotel company that has a head office in what city?', answers: ['Delhi'] });
  });

  it('reads a JSONL of samples too (policy then from the file name or --policy)', async () => {
    const lines = log.samples.map((sample) => JSON.stringify(sample)).join('\n');
    const jsonl = await runAdapter('inspect', writeTemp(tempDir(), 'samples.jsonl', lines), {}, { policy: 'gpt-4o-mini' });
    expect(jsonl.rejects).toEqual([]);
    expect(jsonl.trajectories.map((item) => item.trajectory)).toEqual(run.trajectories.map((item) => ({ ...item.trajectory, policy: 'gpt-4o-mini', meta: expect.anything() })));
  });
});

describe('inspect on corrupted copies', () => {
  const base = JSON.parse(readFileSync(LOG, 'utf8')) as { samples: Record<string, unknown>[] } & Record<string, unknown>;

  it('rejects samples with a bad epoch, an unknown scorer, a dictionary score without a key, or unreadable messages', async () => {
    const good = base.samples[0]!;
    const samples = [
      good,
      { ...good, epoch: 0 },
      { ...good, scores: { other: { value: 'C' } } },
      { ...good, scores: { match: { value: 'maybe' } } },
      { ...good, messages: [{ role: 'assistant', content: '', tool_calls: [{ id: 'x', arguments: {} }] }] },
      { ...good, id: null },
      { ...good, scores: { match: { value: { accuracy: 1, f1: 0.5 } } } },
    ];
    const file = writeTemp(tempDir(), 'log.json', JSON.stringify({ ...base, samples }));
    const run = await runAdapter('inspect', file, { scorer: 'match' });
    expect(run.trajectories.map((item) => item.location)).toEqual(['samples[0]']);
    expect(run.rejects.map((reject) => [reject.location, reject.reason])).toEqual([
      ['samples[1]', '"epoch" is number 0, not an integer >= 1'],
      ['samples[2]', 'no score named "match" (scores: other)'],
      ['samples[3]', 'score "match": value "maybe" cannot be read as a number'],
      ['samples[4]', 'messages: message [0]: tool call has no function name'],
      ['samples[5]', 'sample "id" is null, not a string or integer'],
      ['samples[6]', 'score "match" is a dictionary (accuracy, f1): choose one with --import-option score_key=<key>'],
    ]);
    const keyed = await runAdapter('inspect', file, { scorer: 'match', score_key: 'f1' });
    expect(keyed.trajectories.find((item) => item.location === 'samples[6]')?.trajectory).toMatchObject({ score: 0.5, correct: false });
  });

  it('refuses a log without samples, a zip .eval log and a truncated file, saying what to do', async () => {
    const dir = tempDir();
    const header = writeTemp(dir, 'header.json', JSON.stringify({ ...base, samples: undefined }));
    await expect(runAdapter('inspect', header)).rejects.toThrow(/holds no samples/);
    const zip = writeTemp(dir, 'run.eval', 'PK\u0003\u0004rest-of-a-zip');
    const error = await runAdapter('inspect', zip).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputFileError);
    expect((error as UserError).hint).toMatch(/inspect log convert run\.eval --to json/);
    await expect(runAdapter('inspect', writeTemp(dir, 'cut.json', readFileSync(LOG, 'utf8').slice(0, 500)))).rejects.toThrow(/not valid JSON/);
  });

  it("reads score values the way Inspect's value_to_float does", () => {
    const read = (value: unknown) => {
      const parsed = inspectValueToFloat(value);
      return parsed.ok ? parsed.value : null;
    };
    expect(['C', 'P', 'I', 'N', 'yes', 'False', '0.25', 3, true, 'c', [1]].map(read)).toEqual([1, 0.5, 0, 0, 1, 0, 0.25, 3, 1, null, null]);
  });
});
