/**
 * Retries with exponential backoff for judge requests. Rate limits (429), server errors (5xx), timeouts,
 * dropped connections and unusable output are retried; other client errors (400, 401, 403, 404…) are not,
 * because asking again cannot fix them. A server's `retry-after` header is honoured up to the maximum delay.
 * No jitter: delays are deterministic, and the concurrency limit already spreads requests.
 */
import { APIConnectionError, APIError, APIUserAbortError } from 'openai';

/** Raised when the model answered but its output did not validate. */
export class MalformedOutputError extends Error {
  override name = 'MalformedOutputError';
}

/** Retry settings. */
export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Injected so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Called before each retry (for counting). */
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void;
}

/** True for errors a retry may fix. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof APIUserAbortError) return false;
  if (error instanceof MalformedOutputError || error instanceof APIConnectionError) return true;
  if (error instanceof APIError) return error.status === undefined || error.status === 408 || error.status === 409 || error.status === 429 || error.status >= 500;
  return false;
}

/** The delay before retry number `attempt` (0-based): base * 2^attempt, or the server's retry-after, capped. */
export function retryDelay(attempt: number, error: unknown, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>): number {
  const headers = error instanceof APIError ? error.headers : undefined;
  const after = headers?.get('retry-after');
  const seconds = after !== null && after !== undefined ? Number(after) : Number.NaN;
  const wanted = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : options.baseDelayMs * 2 ** attempt;
  return Math.min(options.maxDelayMs, wanted);
}

/** Runs `attempt` until it succeeds, fails with a non-retryable error, or the retries are used up. */
export async function withRetries<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= options.retries || !isRetryable(error)) throw error;
      const delay = retryDelay(n, error, options);
      options.onRetry?.(n + 1, error, delay);
      await sleep(delay);
    }
  }
}
