/**
 * A collection, start to end:
 *
 *   1. load the config's tasks and the grid (policies × tasks × budgets × samples)
 *   2. lock the output folder, check it holds this collection, cut a partial last line, read what is done
 *   3. --dry-run: print the plan and its bounds, stop
 *   4. start the simulator server in-process when a policy's baseURL is "sim"; check every server's models
 *   5. run the remaining episodes with bounded concurrency, appending each as it finishes
 *   6. stop early on Ctrl-C, the request cap, a fatal server error or too many failed episodes;
 *      whatever finished is kept and the same command resumes
 *
 * Results (the summary) go to the caller for stdout; progress and warnings to `log` (stderr).
 */
import { setMaxListeners } from 'node:events';
import { join } from 'node:path';
import { SearchTool } from '../environment/search/search-tool';
import type { Progress } from '../runner/stage';
import { loadSimulatorConfig } from '../simulate/simulator-config';
import { loadTaskSource } from '../task-source/task-source';
import { RequestBudget, RequestCapReached, RequestFailed, type TransportSettings } from './chat-client';
import type { CollectConfig } from './config';
import { runEpisode } from './episode';
import { EpisodeStore } from './episode-store';
import { estimate } from './estimate';
import { episodeSeed, Grid } from './grid';
import { lockOutDir, OUT_FILES, prepareOutDir } from './out-dir';
import { partialTail, readCollected, repairTail, type PolicyUsage } from './resume';
import { dryRunLines, summaryLines } from './summary';
import { baseURLs, checkModels, checkSimulatorModels, onlySimulator, policyTransports, startInProcessSimulator, usesSimulator } from './transports';

/** How to run a collection. */
export interface CollectRunOptions {
  config: CollectConfig;
  outDir: string;
  dryRun?: boolean;
  /** Aborting it (Ctrl-C) stops the run; finished episodes are kept. */
  signal?: AbortSignal;
  /** Progress and warnings (stderr). */
  log(line: string): void;
  progress(total: number): Progress;
  /** Injected so tests need not wait out backoffs. */
  sleep?: TransportSettings['sleep'];
}

/** What a collection did. */
export interface CollectOutcome {
  /** Every episode of the grid is in the output folder. */
  complete: boolean;
  /** Why the run stopped before the grid was complete (null when it did not). */
  stopped: string | null;
  /** Result lines (stdout). */
  summary: string[];
  counts: Record<string, number>;
  details: Record<string, unknown>;
}

/** Runs (or, with dryRun, plans) a collection. */
export async function runCollection(options: CollectRunOptions): Promise<CollectOutcome> {
  const { config, outDir } = options;
  const simulator = loadSimulatorConfig(config.simulatorConfig);
  checkSimulatorModels(config, simulator);
  const tasks = await loadTaskSource(config.tasks, simulator);
  const grid = new Grid(
    config.policies.map((p) => p.name),
    tasks.tasks.map((t) => t.row.task),
    config.budgets,
    config.samples,
  );
  const trajectoriesPath = join(outDir, OUT_FILES.trajectories);
  const unlock = options.dryRun ? undefined : await lockOutDir(outDir);
  try {
    await prepareOutDir(
      outDir,
      config,
      tasks.tasks.map((t) => t.row),
      !options.dryRun,
    );
    // A kill in the middle of a write leaves a partial last line: a run cuts it, a dry run skips it.
    const tail = options.dryRun ? await partialTail(trajectoriesPath) : await repairTail(trajectoriesPath);
    if (tail > 0) options.log(`${options.dryRun ? 'the run will cut' : 'cut'} a partial last line (${tail} bytes) off ${trajectoriesPath}: that episode is collected again`);
    const collected = await readCollected(trajectoriesPath, grid, options.dryRun ? tail : 0);
    if (collected.duplicates > 0) options.log(`warning: ${trajectoriesPath} holds ${collected.duplicates} repeated episode keys; the first of each is counted`);
    if (options.dryRun) {
      const pending = (p: number, t: number, b: number) => {
        let n = 0;
        for (let s = 0; s < grid.samples; s++) if (!collected.done[grid.slot({ policy: p, task: t, budget: b, sample: s })]) n += 1;
        return n;
      };
      const lines = dryRunLines(config, grid, collected.count, estimate(config, tasks.tasks, pending), tasks.label);
      return { complete: collected.count === grid.size, stopped: null, summary: lines, counts: { episodes: grid.size, collected: collected.count }, details: {} };
    }
    if (collected.count === grid.size) {
      const figures = { config, grid, usage: collected.usage, finished: 0, total: grid.size, failed: 0, seconds: 0, requests: 0, retries: 0, simulated: onlySimulator(config), outDir };
      return { complete: true, stopped: null, summary: summaryLines(figures), counts: { episodes: grid.size, grid: grid.size, collected_now: 0 }, details: { simulator: figures.simulated, tasks: tasks.label, usage: Object.fromEntries(collected.usage) } };
    }
    return await collect(options, { simulator, tasks, grid, collected: collected.done, usage: collected.usage, already: collected.count, trajectoriesPath });
  } finally {
    await unlock?.();
  }
}

interface Prepared {
  simulator: ReturnType<typeof loadSimulatorConfig>;
  tasks: Awaited<ReturnType<typeof loadTaskSource>>;
  grid: Grid;
  collected: Uint8Array;
  usage: Map<string, PolicyUsage>;
  already: number;
  trajectoriesPath: string;
}

async function collect(options: CollectRunOptions, prepared: Prepared): Promise<CollectOutcome> {
  const { config, log } = options;
  const { grid, tasks, simulator } = prepared;
  const sim = usesSimulator(config) ? await startInProcessSimulator(tasks, simulator, (error) => log(`simulator error: ${(error as Error).stack ?? String(error)}`)) : undefined;
  const store = new EpisodeStore(prepared.trajectoriesPath);
  const controller = new AbortController();
  // Every request in flight listens to this signal: hundreds of listeners are expected, not a leak.
  setMaxListeners(0, controller.signal);
  let stopped: string | null = null;
  let failure: unknown;
  const stop = (reason: string, abort: boolean) => {
    stopped ??= reason;
    if (abort && !controller.signal.aborted) controller.abort(new Error(reason));
  };
  const interrupt = () => stop('interrupted', true);
  options.signal?.addEventListener('abort', interrupt, { once: true });
  if (options.signal?.aborted) interrupt();
  const requestBudget = new RequestBudget(config.maxRequests);
  let progress: Progress | undefined;
  const started = performance.now();
  let finished = 0;
  let failed = 0;
  try {
    if (sim) log(`the simulator server (not a language model) serves ${Object.keys(simulator.policies).join(', ')} at ${sim.url}`);
    const settings: TransportSettings = { timeoutMs: config.timeoutMs, retries: config.retries, baseMs: config.retryBaseMs, maxMs: config.retryMaxMs, sleep: options.sleep };
    const { transports, endpoints } = policyTransports(config, sim?.url, settings, requestBudget);
    const simulated = await checkModels(config, endpoints, log);
    const tools = tasks.tasks.map((task) => new SearchTool(task.row.docs, config.topK, simulator.bm25));
    const pending = (function* () {
      for (const key of grid.keys()) if (!prepared.collected[grid.slot(key)]) yield key;
    })();
    progress = options.progress(grid.size - prepared.already);

    const worker = async () => {
      for (let next = pending.next(); !next.done && stopped === null; next = pending.next()) {
        const key = next.value;
        const policy = config.policies[key.policy]!;
        const task = tasks.tasks[key.task]!.row;
        const budget = grid.budgets[key.budget]!;
        const base = policy.seed === null ? undefined : (policy.seed ?? config.seed);
        const label = `${policy.name}/${task.task}/T=${budget}/#${key.sample}`;
        try {
          const trajectory = await runEpisode(
            {
              policy,
              task: { id: task.task, question: task.question },
              tool: tools[key.task]!,
              budget,
              sample: key.sample,
              seed: base === undefined ? undefined : episodeSeed(base, policy.name, task.task, budget, key.sample),
              extraSteps: config.extraSteps,
              server: baseURLs(policy).join(' '),
            },
            (body) => transports[key.policy]!.chat(body, controller.signal, label),
          );
          store.append(trajectory);
          const totals = prepared.usage.get(policy.name) ?? { episodes: 0, prompt_tokens: 0, completion_tokens: 0, requests: 0 };
          const meta = trajectory.meta.collect;
          totals.episodes += 1;
          totals.prompt_tokens += meta.usage.prompt_tokens;
          totals.completion_tokens += meta.usage.completion_tokens;
          totals.requests += meta.requests;
          prepared.usage.set(policy.name, totals);
          finished += 1;
          progress!.tick();
        } catch (error) {
          if (error instanceof RequestCapReached) return stop(`the request cap (maxRequests ${config.maxRequests}) is reached`, false);
          if (controller.signal.aborted) return;
          if (error instanceof RequestFailed && error.fatal) return stop(error.message, true);
          if (!(error instanceof RequestFailed)) {
            failure = error;
            return stop('an internal error', true);
          }
          failed += 1;
          log(`episode ${label} failed: ${error.message}`);
          if (failed >= config.maxFailures) stop(`${failed} episodes failed (maxFailures ${config.maxFailures}); the last: ${error.message}`, true);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(config.concurrency, Math.max(1, grid.size - prepared.already)) }, worker));
    if (failure) throw failure;
    const seconds = (performance.now() - started) / 1000;
    const total = prepared.already + finished;
    const complete = total === grid.size;
    const summary = summaryLines({ config, grid, usage: prepared.usage, finished, total, failed, seconds, requests: requestBudget.used, retries: requestBudget.retries, simulated, outDir: options.outDir });
    if (!complete) summary.push(`stopped before the grid was complete: ${stopped ?? `${failed} episodes failed`}. Run the same command to resume (finished episodes are kept).`);
    return {
      complete,
      stopped: complete ? null : (stopped ?? 'failed episodes'),
      summary,
      counts: { episodes: total, grid: grid.size, collected_now: finished, failed, requests: requestBudget.used, retries: requestBudget.retries },
      details: {
        simulator: simulated,
        tasks: tasks.label,
        seconds: Number(seconds.toFixed(3)),
        episodes_per_second: Number((finished / Math.max(seconds, 1e-9)).toFixed(1)),
        usage: Object.fromEntries(prepared.usage),
      },
    };
  } finally {
    progress?.stop();
    options.signal?.removeEventListener('abort', interrupt);
    store.close();
    await sim?.close();
  }
}
