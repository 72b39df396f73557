import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { JudgeCache } from '../../../pipeline/judge/cache';
import { createJudgeClient } from '../../../pipeline/judge/client';
import type { JudgeItem } from '../../../pipeline/judge/prompt';
import { runJudge, type JudgeRunOptions } from '../../../pipeline/judge/run';
import { startMockJudge, type MockBehaviour, type MockJudgeServer } from './mock-server';

const root = mkdtempSync(join(tmpdir(), 'judge-test-'));
let dirs = 0;
const servers: MockJudgeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function items(...ids: string[]): JudgeItem[] {
  return ids.map((id) => ({
    id,
    question: `question of ${id}`,
    steps: [
      { kind: 'search', tool: 'search', text: 'a query' },
      { kind: 'result', tool: 'search', text: 'a result' },
      { kind: 'answer', text: 'an answer' },
    ],
    answered: true,
  }));
}

async function setup(script: (id: string, attempt: number) => MockBehaviour, overrides: Partial<JudgeRunOptions> = {}, timeoutMs = 2000) {
  const server = await startMockJudge(script);
  servers.push(server);
  const options: JudgeRunOptions = {
    client: createJudgeClient({ baseURL: server.url, timeoutMs }),
    model: 'mock-model',
    cache: new JudgeCache(join(root, `cache-${dirs++}`)),
    maxCalls: 100,
    concurrency: 3,
    retries: 2,
    baseDelayMs: 1,
    maxDelayMs: 5,
    sleep: async () => {},
    ...overrides,
  };
  return { server, options };
}

describe('runJudge against a mock OpenAI-compatible server', () => {
  it('labels every episode, sends the JSON schema, and answers re-runs from the cache', async () => {
    const { server, options } = await setup((id) => ({ kind: 'ok', label: id === 'b' ? 'parallel' : 'sequential' }));
    const first = await runJudge(items('a', 'b', 'c'), options);
    expect(first.outcomes.map((o) => [o.id, o.source, o.verdict?.label])).toEqual([
      ['a', 'model', 'sequential'],
      ['b', 'model', 'parallel'],
      ['c', 'model', 'sequential'],
    ]);
    expect(first.stats).toMatchObject({ episodes: 3, cache_hits: 0, model_calls: 3, requests: 3, retries: 0, failed: 0 });
    const body = server.bodies[0] as { response_format: { type: string; json_schema: { strict: boolean; schema: { properties: { label: { enum: string[] } } } } } };
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.strict).toBe(true);
    expect(body.response_format.json_schema.schema.properties.label.enum).toContain('verify');

    const second = await runJudge(items('a', 'b', 'c', 'd'), options);
    expect(second.outcomes.map((o) => o.source)).toEqual(['cache', 'cache', 'cache', 'model']);
    expect(second.stats).toMatchObject({ cache_hits: 3, model_calls: 1 });
    expect(server.total()).toBe(4);
  });

  it('keys the cache by model and prompt version as well as the trajectory id', async () => {
    const { server, options } = await setup(() => ({ kind: 'ok', label: 'verify' }));
    await runJudge(items('a'), options);
    await runJudge(items('a'), { ...options, model: 'another-model' });
    await runJudge(items('a'), { ...options, promptVersion: 'taxonomy-v999' });
    await runJudge(items('a'), options);
    expect(server.requests.get('a')).toBe(3);
  });

  it('retries 429 (honouring retry-after) and 500 responses, then succeeds', async () => {
    const delays: number[] = [];
    const { server, options } = await setup(
      (id, attempt) => {
        if (id === 'r429' && attempt < 2) return { kind: 'status', status: 429, retryAfter: '0.003' };
        if (id === 'r500' && attempt === 0) return { kind: 'status', status: 500 };
        return { kind: 'ok', label: 'reformulate' };
      },
      { sleep: async (ms) => void delays.push(ms), maxDelayMs: 1000, baseDelayMs: 7 },
    );
    const { outcomes, stats } = await runJudge(items('r429', 'r500'), options);
    expect(outcomes.map((o) => [o.source, o.attempts, o.verdict?.label])).toEqual([
      ['model', 3, 'reformulate'],
      ['model', 2, 'reformulate'],
    ]);
    expect(stats.retries).toBe(3);
    expect(server.requests.get('r429')).toBe(3);
    expect([...delays].sort((a, b) => a - b)).toEqual([3, 3, 7]);
  });

  it('retries malformed output, accepts fenced JSON, and fails cleanly when output never validates', async () => {
    const { options } = await setup((id, attempt) => {
      if (id === 'bad-once' && attempt === 0) return { kind: 'not-json' };
      if (id === 'fenced') return { kind: 'fenced', label: 'single-shot' };
      if (id === 'always-bad') return attempt % 2 === 0 ? { kind: 'wrong-schema' } : { kind: 'not-json' };
      return { kind: 'ok', label: 'no-search' };
    });
    const { outcomes, stats } = await runJudge(items('bad-once', 'fenced', 'always-bad'), options);
    expect(outcomes[0]).toMatchObject({ source: 'model', attempts: 2, verdict: { label: 'no-search' } });
    expect(outcomes[1]).toMatchObject({ source: 'model', attempts: 1, verdict: { label: 'single-shot' } });
    expect(outcomes[2]).toMatchObject({ source: 'failed', attempts: 3, verdict: null });
    expect(outcomes[2]!.error).toMatch(/MalformedOutputError/);
    expect(stats.failed).toBe(1);
    // A failure is not cached: the next run asks again.
    const again = await runJudge(items('always-bad'), options);
    expect(again.outcomes[0]!.source).toBe('failed');
  });

  it('does not retry a 400 (asking again cannot fix it)', async () => {
    const { server, options } = await setup(() => ({ kind: 'status', status: 400 }));
    const { outcomes } = await runJudge(items('x'), options);
    expect(outcomes[0]).toMatchObject({ source: 'failed', attempts: 1 });
    expect(server.requests.get('x')).toBe(1);
  });

  it('times out a hanging request and retries it', async () => {
    const { options } = await setup((id, attempt) => (id === 'hang-forever' || attempt === 0 ? { kind: 'hang' } : { kind: 'ok', label: 'verify' }), { retries: 1 }, 200);
    const { outcomes } = await runJudge(items('hang-once', 'hang-forever'), options);
    expect(outcomes[0]).toMatchObject({ source: 'model', attempts: 2, verdict: { label: 'verify' } });
    expect(outcomes[1]).toMatchObject({ source: 'failed', attempts: 2 });
    expect(outcomes[1]!.error).toMatch(/timed out|Timeout/i);
  });

  it('stops calling the model at the call cap, deterministically in input order', async () => {
    const { server, options } = await setup(() => ({ kind: 'ok', label: 'sequential' }), { maxCalls: 2 });
    const { outcomes, stats } = await runJudge(items('a', 'b', 'c', 'd'), options);
    expect(outcomes.map((o) => o.source)).toEqual(['model', 'model', 'skipped', 'skipped']);
    expect(stats).toMatchObject({ model_calls: 2, skipped_by_cap: 2 });
    expect(server.total()).toBe(2);
    // Cached episodes do not use the cap: the next run reaches c and d.
    const next = await runJudge(items('a', 'b', 'c', 'd'), options);
    expect(next.outcomes.map((o) => o.source)).toEqual(['cache', 'cache', 'model', 'model']);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const { server, options } = await setup(() => ({ kind: 'ok', label: 'parallel' }), { concurrency: 2 });
    await runJudge(items(...Array.from({ length: 12 }, (_, i) => `e${i}`)), options);
    expect(server.total()).toBe(12);
    expect(server.maxInFlight()).toBeLessThanOrEqual(2);
  });
});

describe('response formats', () => {
  it('asks for JSON mode or nothing when told, and still validates the answer', async () => {
    const { server, options } = await setup(() => ({ kind: 'ok', label: 'verify' }));
    await runJudge(items('j'), { ...options, responseFormat: 'json_object' });
    await runJudge(items('p'), { ...options, responseFormat: 'prompt' });
    const [jsonMode, promptOnly] = server.bodies as { response_format?: { type: string } }[];
    expect(jsonMode!.response_format).toEqual({ type: 'json_object' });
    expect(promptOnly!.response_format).toBeUndefined();
  });
});
