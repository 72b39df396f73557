/**
 * What to do when a request fails, and how long to wait. Rate limits (429), server errors (5xx, 408,
 * 409), dropped connections, timeouts and responses cut short are retried with exponential backoff;
 * the server's `retry-after-ms` / `retry-after` (seconds or an HTTP date) is honoured as a minimum.
 * A rejected key (401, 403) or a missing model (404) stops the whole run: every request would fail the
 * same way. Other client errors (400: e.g. a context over the model's length) fail the episode.
 */
import { APIError, APIUserAbortError } from 'openai';
import { hashString } from '../../analyses/random/rng';

/** A failure the transport detected itself and a retry may fix (timeout, truncated stream, bad body). */
export class TransientError extends Error {
  override name = 'TransientError';
}

/** What a failure means for the run. */
export type FailureKind = 'retry' | 'episode' | 'fatal' | 'abort';

/** Classifies a failed request. */
export function classify(error: unknown): FailureKind {
  if (error instanceof APIUserAbortError) return 'abort';
  if (error instanceof TransientError) return 'retry';
  if (error instanceof APIError) {
    const status = error.status;
    if (status === undefined || status === 408 || status === 409 || status === 429 || status >= 500) return 'retry';
    if (status === 401 || status === 403 || status === 404) return 'fatal';
    return 'episode';
  }
  return 'episode';
}

/** Backoff settings. */
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/** The server's requested wait, in ms, from `retry-after-ms` or `retry-after`; undefined when absent or unreadable. */
export function serverDelayMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const after = headers?.get('retry-after');
  if (after === null || after === undefined || after.trim() === '') return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(after);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * The wait before retry `attempt` (0-based): base·2^attempt scaled into [½, 1] by a hash of `key` (so
 * requests that failed together do not retry together, yet every run waits the same), at least what
 * the server asked for, at most `maxMs` unless the server asked for more.
 */
export function retryDelayMs(attempt: number, error: unknown, backoff: Backoff, key: string): number {
  const spread = 0.5 + 0.5 * (hashString(`${key}#${attempt}`) / 2 ** 32);
  const own = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt * spread);
  const asked = error instanceof APIError ? serverDelayMs(error.headers) : undefined;
  return asked === undefined ? own : Math.max(own, asked);
}
