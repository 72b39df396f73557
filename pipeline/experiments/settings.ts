/**
 * What the model-access stages share in their parameters: how requests are sent (concurrency, timeout,
 * retries), the interval level, and parsers of their command-line values (docs/experiments.md).
 */
import { z } from 'zod';
import { ConfigError } from '../errors';
import type { TransportSettings } from '../llm/transport';

/** Transport parameters of a model-access stage. */
export const TransportParams = {
  /** Requests in flight at once. */
  concurrency: z.number().int().positive().max(1024).default(16),
  /** Per request, over the whole response. */
  timeoutMs: z.number().int().positive().default(120_000),
  /** Retries per request after the first attempt (429, 5xx, timeouts, dropped connections). */
  retries: z.number().int().min(0).default(6),
};

/** The transport settings of the parsed parameters (backoff as the collector's: 1 s doubling to at most 60 s). */
export function transportSettings(params: { timeoutMs: number; retries: number }): TransportSettings {
  return { timeoutMs: params.timeoutMs, retries: params.retries, baseMs: 1000, maxMs: 60_000 };
}

/** The bootstrap interval level of every experiment table. */
export const INTERVAL_LEVEL = 0.95;

/** Parses a flag's whole number (≥ 0), naming the flag when it is not one. */
export function wholeNumber(flag: string) {
  return (value: string | boolean | string[]): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${flag} needs a whole number, got "${String(value)}".`);
    return n;
  };
}

/** Parses a flag that takes one of a few words, listing them when it does not. */
export function oneOfWords(flag: string, allowed: readonly string[]) {
  return (value: string | boolean | string[]): string => {
    if (typeof value !== 'string' || !allowed.includes(value)) throw new ConfigError(`${flag} must be one of ${allowed.join(', ')}, got "${String(value)}".`);
    return value;
  };
}
