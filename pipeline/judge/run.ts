/**
 * Labels episodes with the LLM judge: cache first, then at most `maxCalls` episodes sent to the model with
 * bounded concurrency, retries and a per-request timeout. Results come back in input order whatever order the
 * requests finish in, so outputs are deterministic given the same answers.
 */
import type OpenAI from 'openai';
import pLimit from 'p-limit';
import type { JudgeCache } from './cache';
import { requestVerdict, type ResponseFormat } from './client';
import { judgeMessages, PROMPT_VERSION, type JudgeItem } from './prompt';
import { withRetries } from './retry';
import type { JudgeVerdict } from './schema';

/** How one episode was judged. */
export type JudgeSource = 'cache' | 'model' | 'failed' | 'skipped';

/** The judge's result for one episode. */
export interface JudgeOutcome {
  id: string;
  source: JudgeSource;
  verdict: JudgeVerdict | null;
  /** Why it failed or was skipped. */
  error: string | null;
  /** Requests made for this episode (0 for cache hits and skips). */
  attempts: number;
}

/** Settings of a judge run. */
export interface JudgeRunOptions {
  client: OpenAI;
  model: string;
  cache: JudgeCache;
  /** Episodes that may be sent to the model (cache hits are free); retries of one episode count once. */
  maxCalls: number;
  concurrency: number;
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
  promptVersion?: string;
  /** How the JSON answer is requested (default: strict JSON schema). */
  responseFormat?: ResponseFormat;
}

/** Totals of a judge run. */
export interface JudgeRunStats {
  episodes: number;
  cache_hits: number;
  model_calls: number;
  requests: number;
  retries: number;
  failed: number;
  skipped_by_cap: number;
}

/** Judges every item; never throws for a single episode's failure (it is reported in the outcome). */
export async function runJudge(items: readonly JudgeItem[], options: JudgeRunOptions): Promise<{ outcomes: JudgeOutcome[]; stats: JudgeRunStats }> {
  const promptVersion = options.promptVersion ?? PROMPT_VERSION;
  const limit = pLimit(Math.max(1, options.concurrency));
  const stats: JudgeRunStats = { episodes: items.length, cache_hits: 0, model_calls: 0, requests: 0, retries: 0, failed: 0, skipped_by_cap: 0 };

  const cached = await Promise.all(items.map((item) => options.cache.get(options.model, promptVersion, item.id)));
  // Which episodes may call the model is decided up front, in input order, so the cap is deterministic.
  let budget = options.maxCalls;
  const allowed = cached.map((verdict) => (verdict === null && budget > 0 ? (budget--, true) : false));

  const outcomes = await Promise.all(
    items.map((item, i) => {
      const hit = cached[i]!;
      if (hit !== null) {
        stats.cache_hits += 1;
        return Promise.resolve<JudgeOutcome>({ id: item.id, source: 'cache', verdict: hit, error: null, attempts: 0 });
      }
      if (!allowed[i]) {
        stats.skipped_by_cap += 1;
        return Promise.resolve<JudgeOutcome>({ id: item.id, source: 'skipped', verdict: null, error: `call cap of ${options.maxCalls} reached`, attempts: 0 });
      }
      return limit(() => judgeOne(item, options, promptVersion, stats));
    }),
  );
  return { outcomes, stats };
}

async function judgeOne(item: JudgeItem, options: JudgeRunOptions, promptVersion: string, stats: JudgeRunStats): Promise<JudgeOutcome> {
  stats.model_calls += 1;
  let attempts = 0;
  try {
    const verdict = await withRetries(
      () => {
        attempts += 1;
        stats.requests += 1;
        return requestVerdict(options.client, options.model, judgeMessages(item), options.responseFormat);
      },
      {
        retries: options.retries,
        baseDelayMs: options.baseDelayMs,
        maxDelayMs: options.maxDelayMs,
        ...(options.sleep ? { sleep: options.sleep } : {}),
        onRetry: () => {
          stats.retries += 1;
        },
      },
    );
    await options.cache.set(options.model, promptVersion, item.id, verdict);
    return { id: item.id, source: 'model', verdict, error: null, attempts };
  } catch (error) {
    stats.failed += 1;
    return { id: item.id, source: 'failed', verdict: null, error: describe(error), attempts };
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}
