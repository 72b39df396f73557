/**
 * Hostile input is a reject with a reason, never a crash and never a silent change: deep nesting,
 * records that cannot be processed, invalid UTF-8, `__proto__` keys, and one huge record with a raised
 * --max-line-bytes (issue 15, cases 4 and 6).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestStage } from '../../../../pipeline/stages/ingest/stage';
import { parseRecord } from '../../../../pipeline/stages/ingest/parse-record';
import { serializeEpisode } from '../../../../pipeline/stages/ingest/process-record';
import { TrajectorySchema } from '../../../../pipeline/formats/trajectory';
import { runStages, tempDir } from '../../../helpers/run-stages';

const TASK = `${JSON.stringify({ task: 't1', question: 'q?', answers: ['yes'] })}\n`;
const record = (sample: number, extra: Record<string, unknown> = {}) => ({ policy: 'base', task: 't1', sample, steps: [{ type: 'answer', text: 'yes' }], ...extra });
const line = (value: unknown) => Buffer.from(`${JSON.stringify(value)}\n`);
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const LIMITS = { maxLineBytes: 1 << 20, parseableBytes: 1 << 20, maxDepth: 1000, lenientUtf8: false };

async function ingest(lines: Buffer[], params: Record<string, unknown> = {}) {
  const dir = tempDir('hostile-');
  writeFileSync(join(dir, 'tasks.jsonl'), TASK);
  writeFileSync(join(dir, 'trajectories.jsonl'), Buffer.concat(lines));
  try {
    const { outcomes, captured } = await runStages(
      [ingestStage],
      { stages: [{ name: 'ingest', params: { tasks: join(dir, 'tasks.jsonl'), trajectories: [join(dir, 'trajectories.jsonl')], ...params } }], settings: { seed: 1, strict: false } },
      join(dir, 'run'),
    );
    const out = outcomes[0]!.dir;
    const read = (file: string) => readFileSync(join(out, file), 'utf8').split('\n').filter(Boolean);
    return { counts: outcomes[0]!.manifest.counts, summary: captured.out, traces: read('traces.jsonl'), rejects: read('rejects.jsonl').map((text) => JSON.parse(text) as { line: number; category: string; reason: string }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('ingest on hostile records', () => {
  for (const workers of [0, 1]) {
    it(`rejects nesting beyond --max-depth with a reason instead of crashing (10,000 levels in meta and args; workers ${workers})`, async () => {
      const deepMeta = Buffer.from(`{"policy":"base","task":"t1","sample":1,"steps":[],"meta":{"a":${nested(10_000)}}}\n`);
      const deepArgs = Buffer.from(`{"policy":"base","task":"t1","sample":2,"steps":[{"type":"call","tool":"search","args":{"q":${nested(10_000)}}}]}\n`);
      const justUnder = line(record(3, { meta: { a: JSON.parse(nested(998)) } }));
      const { counts, rejects } = await ingest([line(record(0)), deepMeta, deepArgs, justUnder], { workers });
      expect(counts).toMatchObject({ read: 4, accepted: 2, rejected: 2 });
      expect(rejects).toEqual([
        expect.objectContaining({ line: 2, category: 'nesting too deep', reason: 'field "meta" nests deeper than 1000 levels (the limit is --max-depth 1000)' }),
        expect.objectContaining({ line: 3, category: 'nesting too deep', reason: 'field "steps[0].args" nests deeper than 1000 levels (the limit is --max-depth 1000)' }),
      ]);
    });

    it(`keeps every meta key, __proto__ included, through ingest's outputs (workers ${workers})`, async () => {
      const text = '{"policy":"base","task":"t1","steps":[{"type":"call","tool":"search","args":{"__proto__":{"query":"x"}}}],"meta":{"__proto__":{"polluted":true},"constructor":1,"a":[1]}}\n';
      const { counts, traces } = await ingest([Buffer.from(text), line(record(0))], { workers });
      expect(counts).toMatchObject({ accepted: 2 });
      const trace = JSON.parse(traces[0]!) as { meta: Record<string, unknown> };
      expect(Object.keys(trace.meta)).toEqual(['__proto__', 'constructor', 'a']);
      expect(Object.getOwnPropertyDescriptor(trace.meta, '__proto__')?.value).toEqual({ polluted: true });
      expect(traces[0]).toContain('"meta":{"__proto__":{"polluted":true},"constructor":1,"a":[1]}');
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  }

  it('turns a record that cannot be processed into a reject of that record (a stack overflow while serializing)', async () => {
    // With the depth limit raised past what JSON.stringify can handle, the failure surfaces later: still a reject.
    const deep = Buffer.from(`{"policy":"base","task":"t1","sample":1,"steps":[],"meta":{"a":${nested(50_000)}}}\n`);
    const { counts, rejects } = await ingest([line(record(0)), deep, line(record(2))], { maxDepth: 100_000 });
    expect(counts).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    expect(rejects[0]).toMatchObject({ line: 2, category: 'unprocessable record' });
    expect(rejects[0]!.reason).toMatch(/could not be processed \(RangeError: Maximum call stack size exceeded\)/);
  });

  it('rejects invalid UTF-8 with its byte offset; --lenient-utf8 replaces it and counts the records', async () => {
    const bad = Buffer.concat([Buffer.from('{"policy":"ba'), Buffer.from([0xff]), Buffer.from('se","task":"t1","sample":1,"steps":[]}\n')]);
    const prefix = Buffer.from('{"policy":"base","task":"t1","sample":2,"steps":[],"answer":"');
    const overlong = Buffer.concat([prefix, Buffer.from([0xc0, 0xaf]), Buffer.from('"}\n')]); // an overlong "/"

    const strict = await ingest([line(record(0)), bad, overlong, line(record(3, { answer: 'é – ✓ 𝄞' }))]);
    expect(strict.counts).toMatchObject({ read: 4, accepted: 2, rejected: 2 });
    expect(strict.rejects.map((r) => [r.line, r.category, r.reason])).toEqual([
      [2, 'invalid UTF-8', 'invalid UTF-8 at byte offset 13 of the line (fix the encoding, or pass --lenient-utf8 to replace bad bytes with U+FFFD)'],
      [3, 'invalid UTF-8', expect.stringContaining(`at byte offset ${prefix.length} of the line`)],
    ]);
    const lenient = await ingest([line(record(0)), bad, overlong], { lenientUtf8: true });
    expect(lenient.counts).toMatchObject({ read: 3, accepted: 3, rejected: 0, utf8_replaced: 2 });
    expect(lenient.summary).toContain('ingest: 2 records held invalid UTF-8, replaced by U+FFFD (--lenient-utf8)');
    expect(lenient.traces.some((trace) => trace.includes('"policy":"ba\uFFFDse"'))).toBe(true);
  });

  it('ingests a 100 MB line under a raised --max-line-bytes with worker threads, instead of running a worker out of memory', async () => {
    const huge = Buffer.concat([Buffer.from('{"policy":"base","task":"t1","sample":1,"steps":[{"type":"result","tool":"search","text":"'), Buffer.alloc(100_000_000, 0x78), Buffer.from('"},{"type":"answer","text":"yes"}]}\n')]);
    const { counts, rejects } = await ingest([line(record(0)), huge, line(record(2))], { maxLineBytes: 200_000_000, workers: 2 });
    expect(rejects).toEqual([]);
    expect(counts).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
  }, 60_000);

  it('rejects, unread, a line longer than the process can parse, whatever --max-line-bytes says', () => {
    const limits = { ...LIMITS, maxLineBytes: 1e12, parseableBytes: 500 };
    const parsed = parseRecord({ line: 4, text: '', tooLong: true, bytes: 900 }, TrajectorySchema, limits);
    expect(parsed).toEqual({ ok: false, category: 'line too long', reason: expect.stringMatching(/^line of 900 bytes is longer than this process can parse \(500 bytes.*--max-old-space-size/) });
    const user = parseRecord({ line: 4, text: '', tooLong: true, bytes: 900 }, TrajectorySchema, { ...LIMITS, maxLineBytes: 800 });
    expect(user).toMatchObject({ reason: 'line of 900 bytes exceeds the limit of 800 bytes (--max-line-bytes)' });
  });

  it('rejects an episode whose trace line would be too long for later stages to read, rather than losing it downstream', () => {
    const trace = { id: 'x', policy: 'p', task: 't', family: 'f', budget: null, rounds: 0, answer: null, correct: false, steps: [{ type: 'answer', text: '\u0001'.repeat(100) }] };
    const resolved = { row: { id: 'x' } as never, trace: trace as never };
    expect(serializeEpisode(resolved, { ...LIMITS, parseableBytes: 10_000 })).toHaveProperty('traceJson');
    // Each control character becomes a 6-byte escape: 100 input characters, a 600-byte trace.
    expect(serializeEpisode(resolved, { ...LIMITS, parseableBytes: 500 })).toEqual({
      category: 'trace too long',
      reason: expect.stringMatching(/^the episode's trace is \d+ bytes as a line of traces.jsonl, over the 500 bytes later stages can read$/),
    });
  });
});
