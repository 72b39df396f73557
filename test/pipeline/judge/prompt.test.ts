import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toolRoleMatcher } from '../../../analyses/strategy/tool-roles';
import { JudgeCache } from '../../../pipeline/judge/cache';
import { judgeItem, judgeMessages, PROMPT_VERSION } from '../../../pipeline/judge/prompt';
import { isRetryable, MalformedOutputError, retryDelay } from '../../../pipeline/judge/retry';
import { judgeJsonSchema, parseVerdict } from '../../../pipeline/judge/schema';
import { trace } from '../../analyses/strategy/trace-builder';

const dir = mkdtempSync(join(tmpdir(), 'judge-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('judge prompt', () => {
  it('states the taxonomy in precedence order and renders the episode with searches marked', () => {
    const item = judgeItem(
      trace([['search', 'Orchid Harbor'], ['result', 'x'.repeat(2000), ['Orchid Harbor']], ['call', 'calculator', '1+1'], ['answer', 'French']], { id: 'ep-7' }),
      'Who directed Orchid Harbor?',
      (tool: string) => toolRoleMatcher()(tool) === 'search',
    );
    const [system, user] = judgeMessages(item);
    const order = ['exhausted', 'no-search', 'verify', 'sequential', 'unanchored', 'parallel', 'reformulate', 'single-shot'].map((label) => system!.content.indexOf(`. ${label}:`));
    expect(order.every((position, i) => position > 0 && (i === 0 || position > order[i - 1]!))).toBe(true);
    expect(user!.content).toMatch(/^Episode: ep-7$/m);
    expect(user!.content).toMatch(/1\. SEARCH \(search\): Orchid Harbor/);
    expect(user!.content).toMatch(/3\. CALL \(calculator\): 1\+1/);
    expect(user!.content).toMatch(/4\. ANSWER: French/);
    // Results are truncated so one long page cannot blow the context.
    expect(item.steps[1]!.text.length).toBeLessThanOrEqual(601);
    expect(PROMPT_VERSION).toMatch(/^taxonomy-v\d+$/);
  });

  it('says when the episode has no final answer', () => {
    const [, user] = judgeMessages(judgeItem(trace([['search', 'x']]), 'q', (tool) => toolRoleMatcher()(tool) === 'search'));
    expect(user!.content).toMatch(/ended without a final answer/);
  });
});

describe('judge output schema', () => {
  it('asks for a strict schema with the taxonomy labels', () => {
    const schema = judgeJsonSchema() as { type: string; additionalProperties: boolean; required: string[]; properties: { label: { enum: string[] } } };
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false, required: ['label', 'rationale'] });
    expect(schema.properties.label.enum).toEqual(['exhausted', 'no-search', 'verify', 'sequential', 'unanchored', 'parallel', 'reformulate', 'single-shot']);
  });

  it('validates every answer, fenced JSON included', () => {
    expect(parseVerdict('{"label":"verify","rationale":"r"}')).toEqual({ ok: true, verdict: { label: 'verify', rationale: 'r' } });
    expect(parseVerdict('```json\n{"label":"parallel","rationale":""}\n```')).toMatchObject({ ok: true });
    expect(parseVerdict('{"label":"teleport","rationale":"r"}')).toMatchObject({ ok: false, reason: expect.stringMatching(/label/) });
    expect(parseVerdict('{"label":')).toMatchObject({ ok: false, reason: expect.stringMatching(/not JSON/) });
    expect(parseVerdict(null)).toMatchObject({ ok: false, reason: 'empty message content' });
  });
});

describe('judge cache', () => {
  it('stores by (model, prompt version, id) and treats unreadable entries as misses', async () => {
    const cache = new JudgeCache(join(dir, 'c'));
    expect(await cache.get('m', 'v1', 'a/b')).toBeNull();
    await cache.set('m', 'v1', 'a/b', { label: 'verify', rationale: 'x' });
    expect(await cache.get('m', 'v1', 'a/b')).toEqual({ label: 'verify', rationale: 'x' });
    expect(await cache.get('m', 'v2', 'a/b')).toBeNull();
    expect(await cache.get('m2', 'v1', 'a/b')).toBeNull();
    writeFileSync(cache.fileOf('m', 'v1', 'a/b'), '{broken');
    expect(await cache.get('m', 'v1', 'a/b')).toBeNull();
  });
});

describe('retry policy', () => {
  it('retries what a retry can fix, with exponential backoff capped at the maximum', () => {
    expect(isRetryable(new MalformedOutputError('x'))).toBe(true);
    expect(isRetryable(new Error('x'))).toBe(false);
    expect([0, 1, 2, 3].map((n) => retryDelay(n, new Error('x'), { baseDelayMs: 100, maxDelayMs: 500 }))).toEqual([100, 200, 400, 500]);
  });
});
