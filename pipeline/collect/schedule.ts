/**
 * Runs the episodes a collection still lacks with bounded concurrency: `concurrency` workers take the
 * next missing key in grid order, play its episode and append it the moment it finishes. The run stops
 * early — keeping everything finished — on the outer signal (Ctrl-C), the request cap (episodes in
 * flight end at their next request), a fatal server error, or `maxFailures` failed episodes.
 */
import { setMaxListeners } from 'node:events';
import type { SearchTool } from '../environment/search/search-tool';
import type { FullTask } from '../environment/tasks/sim-task';
import type { Progress } from '../runner/stage';
import { RequestCapReached, RequestFailed, type PolicyTransport } from '../llm/transport';
import type { CollectConfig } from './config';
import { runEpisode } from './episode';
import type { EpisodeStore } from './episode-store';
import { episodeSeed, type Grid } from './grid';
import type { PolicyUsage } from './resume';
import { baseURLs } from './transports';

/** What the scheduler works with. */
export interface Schedule {
  config: CollectConfig;
  grid: Grid;
  tasks: readonly FullTask[];
  tools: readonly SearchTool[];
  transports: readonly PolicyTransport[];
  /** One byte per grid slot: 1 when collected already. */
  done: Uint8Array;
  /** Per policy totals; updated as episodes finish. */
  usage: Map<string, PolicyUsage>;
  store: EpisodeStore;
  signal?: AbortSignal;
  progress: Progress;
  log(line: string): void;
}

/** What the scheduler did. */
export interface Scheduled {
  finished: number;
  failed: number;
  /** Why it stopped before every missing episode was tried (null: it did not). */
  stopped: string | null;
}

/** Runs the missing episodes; throws only on an internal error (after the other workers stopped). */
export async function runMissing(s: Schedule): Promise<Scheduled> {
  const { config, grid } = s;
  const controller = new AbortController();
  // Every request in flight listens to this signal: hundreds of listeners are expected, not a leak.
  setMaxListeners(0, controller.signal);
  let stopped: string | null = null;
  let failure: unknown;
  let finished = 0;
  let failed = 0;
  const stop = (reason: string, abort: boolean) => {
    stopped ??= reason;
    if (abort && !controller.signal.aborted) controller.abort(new Error(reason));
  };
  const interrupt = () => stop('interrupted', true);
  s.signal?.addEventListener('abort', interrupt, { once: true });
  if (s.signal?.aborted) interrupt();
  const missing = (function* () {
    for (const key of grid.keys()) if (!s.done[grid.slot(key)]) yield key;
  })();

  const worker = async () => {
    for (let next = missing.next(); !next.done && stopped === null; next = missing.next()) {
      const key = next.value;
      const policy = config.policies[key.policy]!;
      const task = s.tasks[key.task]!;
      const budget = grid.budgets[key.budget]!;
      const base = policy.seed === null ? undefined : (policy.seed ?? config.seed);
      const label = `${policy.name}/${task.task}/T=${budget}/#${key.sample}`;
      try {
        const trajectory = await runEpisode(
          {
            policy,
            task: { id: task.task, question: task.question },
            tool: s.tools[key.task]!,
            budget,
            sample: key.sample,
            seed: base === undefined ? undefined : episodeSeed(base, policy.name, task.task, budget, key.sample),
            extraSteps: config.extraSteps,
            server: baseURLs(policy).join(' '),
          },
          (body) => s.transports[key.policy]!.chat(body, controller.signal, label),
        );
        s.store.append(trajectory);
        const meta = trajectory.meta.collect;
        const totals = s.usage.get(policy.name) ?? { episodes: 0, prompt_tokens: 0, completion_tokens: 0, requests: 0 };
        totals.episodes += 1;
        totals.prompt_tokens += meta.usage.prompt_tokens;
        totals.completion_tokens += meta.usage.completion_tokens;
        totals.requests += meta.requests;
        s.usage.set(policy.name, totals);
        finished += 1;
        s.progress.tick();
      } catch (error) {
        if (error instanceof RequestCapReached) return stop(`the request cap (maxRequests ${config.maxRequests}) is reached`, false);
        if (controller.signal.aborted) return;
        if (error instanceof RequestFailed && error.fatal) return stop(error.message, true);
        if (!(error instanceof RequestFailed)) {
          failure = error;
          return stop('an internal error', true);
        }
        failed += 1;
        s.log(`episode ${label} failed: ${error.message}`);
        if (failed >= config.maxFailures) stop(`${failed} episodes failed (maxFailures ${config.maxFailures}); the last: ${error.message}`, true);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: config.concurrency }, worker));
  } finally {
    s.signal?.removeEventListener('abort', interrupt);
  }
  if (failure) throw failure;
  return { finished, failed, stopped };
}
