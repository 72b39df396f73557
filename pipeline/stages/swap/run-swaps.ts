/**
 * Sends the swap's requests: every plan episode, as it streams past, is read by each of the two
 * policies (two conversations per episode, so four per key), `concurrency` requests at a time. A request
 * that fails after its retries is recorded (its key is then left out); a refused key or a missing model
 * stops the run.
 */
import { setMaxListeners } from 'node:events';
import { hashString } from '../../../analyses/random/rng';
import type { PolicySettings } from '../../collect/config';
import { ConfigError } from '../../errors';
import { forEachBounded } from '../../experiments/bounded';
import type { OpenModel } from '../../experiments/model-server';
import { wantedTrajectories, type TaskLookup } from '../../experiments/source-trajectories';
import { RequestFailed } from '../../llm/transport';
import type { Progress } from '../../runner/stage';
import { forcedConversation } from './forced-conversation';
import { reasonOnPlan, type Reasoned } from './reason';

/** What the requests need. */
export interface SwapJob {
  policies: readonly PolicySettings[];
  models: readonly OpenModel[];
  files: readonly string[];
  tasks: TaskLookup;
  /** The plan episodes to replay. */
  wanted: ReadonlySet<string>;
  topK: number;
  extraSteps: number;
  concurrency: number;
  /** The stage seed: each request's seed is derived from it, the plan episode and the reasoning policy. */
  seed: number;
  progress: Progress;
}

/** The answer of one cell, keyed by `cellKey`. */
export function cellKey(planEpisode: string, reasoning: string): string {
  return `${planEpisode}\u0000${reasoning}`;
}

/** Runs every cell; returns the answers and the failures (cell → message). */
export async function runSwaps(job: SwapJob): Promise<{ results: Map<string, Reasoned>; failed: Map<string, string> }> {
  const results = new Map<string, Reasoned>();
  const failed = new Map<string, string>();
  const signal = new AbortController().signal;
  // Every request in flight listens to this signal: many listeners are expected, not a leak.
  setMaxListeners(0, signal);
  const episodes = wantedTrajectories(job.files, job.tasks, (id) => job.wanted.has(id));
  await forEachBounded(episodes, Math.max(1, Math.floor(job.concurrency / 2)), async ({ id, task, trajectory }) => {
    await Promise.all(
      job.policies.map(async (policy, r) => {
        const cell = cellKey(id, policy.name);
        try {
          const conversation = forcedConversation(trajectory.steps, task.question, policy.protocol, job.topK);
          const seed = hashString(`${job.seed}|${id}|${policy.name}`) >>> 1;
          results.set(cell, await reasonOnPlan(policy, job.models[r]!.transport, conversation, task.answers, { seed, extraSteps: job.extraSteps, signal, key: cell }));
        } catch (error) {
          if (!(error instanceof RequestFailed)) throw error;
          if (error.fatal) throw new ConfigError(`swap: policy ${policy.name} stopped the run: ${error.message}.`, 'Check the server, model and key of the policy in the collect config.');
          failed.set(cell, error.message);
        } finally {
          job.progress.tick();
        }
      }),
    );
  });
  return { results, failed };
}
