/**
 * Retries with exponential backoff for judge requests. What is retried is decided as for the collector
 * (pipeline/llm/retry.ts: rate limits, server errors, timeouts, dropped connections) plus unusable output;
 * other client errors (400, 401, 403, 404…) are not, because asking again cannot fix them. A server's
 * `retry-after-ms` / `retry-after` is honoured up to the maximum delay.
 * No jitter: delays are deterministic, and the concurrency limit already spreads requests.
 */
import { APIError } from 'openai';
import { TransientError, classify, serverDelayMs } from '../llm/retry';

/** Raised when the model answered but its output did not validate: a retry may fix it. */
export class MalformedOutputError extends TransientError {
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

/** True for errors a retry may fix: the collector's classification (pipeline/llm/retry.ts), malformed output included. */
export function isRetryable(error: unknown): boolean {
  return classify(error) === 'retry';
}

/** The delay before retry number `attempt` (0-based): base * 2^attempt, or the server's retry-after, capped. */
export function retryDelay(attempt: number, error: unknown, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>): number {
  const asked = error instanceof APIError ? serverDelayMs(error.headers) : undefined;
  return Math.min(options.maxDelayMs, asked ?? options.baseDelayMs * 2 ** attempt);
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
