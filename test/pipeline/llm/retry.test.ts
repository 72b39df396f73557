import { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { classify, retryDelayMs, serverDelayMs, TransientError } from '../../../pipeline/llm/retry';

const error = (status: number, headers: Record<string, string> = {}) => APIError.generate(status, { message: 'x' }, 'x', new Headers(headers));

describe('retry policy', () => {
  it('retries rate limits, server errors, dropped connections and cut responses; stops the run on bad keys and missing models', () => {
    expect([408, 409, 429, 500, 502, 503].map((status) => classify(error(status)))).toEqual(Array(6).fill('retry'));
    expect(classify(new APIConnectionError({ message: 'reset' }))).toBe('retry');
    expect(classify(new TransientError('stream cut'))).toBe('retry');
    expect([401, 403, 404].map((status) => classify(error(status)))).toEqual(['fatal', 'fatal', 'fatal']);
    expect(classify(error(400))).toBe('episode');
    expect(classify(new APIUserAbortError())).toBe('abort');
  });

  it("reads the server's wait from retry-after-ms, retry-after seconds or an HTTP date", () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(serverDelayMs(new Headers({ 'retry-after-ms': '250' }), now)).toBe(250);
    expect(serverDelayMs(new Headers({ 'retry-after': '1.5' }), now)).toBe(1500);
    expect(serverDelayMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT' }), now)).toBe(7000);
    expect(serverDelayMs(new Headers({ 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' }), now)).toBe(0);
    expect(serverDelayMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(serverDelayMs(new Headers(), now)).toBeUndefined();
  });

  it('backs off exponentially within [½, 1] of base·2^attempt, capped, but never waits less than the server asked', () => {
    const backoff = { baseMs: 100, maxMs: 1000 };
    for (let attempt = 0; attempt < 8; attempt++) {
      const own = Math.min(1000, 100 * 2 ** attempt);
      const delay = retryDelayMs(attempt, error(500), backoff, 'k');
      expect(delay).toBeGreaterThanOrEqual(Math.min(own / 2, 1000));
      expect(delay).toBeLessThanOrEqual(own);
      expect(retryDelayMs(attempt, error(500), backoff, 'k')).toBe(delay);
    }
    expect(retryDelayMs(0, error(429, { 'retry-after': '30' }), backoff, 'k')).toBe(30_000);
    const spread = new Set(['a', 'b', 'c', 'd', 'e'].map((key) => retryDelayMs(3, error(503), backoff, key)));
    expect(spread.size).toBeGreaterThan(1);
  });
});
