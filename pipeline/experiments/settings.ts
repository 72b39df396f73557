/**
 * Parameters the model-access stages share: how requests are sent (concurrency, timeout, retries) and
 * how episodes are sampled for the experiment — each in the stage's zod schema, documented in
 * docs/experiments.md.
 */
import { z } from 'zod';
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
