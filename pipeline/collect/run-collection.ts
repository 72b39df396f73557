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
import { join } from 'node:path';
import { SearchTool } from '../environment/search/search-tool';
import type { Progress } from '../runner/stage';
import { loadSimulatorConfig, type SimulatorConfig } from '../simulate/simulator-config';
import { loadTaskSource, type LoadedTasks } from '../task-source/task-source';
import { RequestBudget, type TransportSettings } from '../llm/transport';
import type { CollectConfig } from './config';
import { EpisodeStore } from './episode-store';
import { estimate } from './estimate';
import { Grid } from './grid';
import { lockOutDir, OUT_FILES, prepareOutDir } from './out-dir';
import { partialTail, readCollected, repairTail, type PolicyUsage } from './resume';
import { dryRunLines, summaryLines } from './summary';
import { runMissing, type Scheduled } from './schedule';
import { checkModels, checkSimulatorModels, onlySimulator, policyTransports, startInProcessSimulator, usesSimulator } from './transports';

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
    const prepared: Prepared = { simulator, tasks, grid, done: collected.done, usage: collected.usage, already: collected.count, trajectoriesPath };
    if (collected.count === grid.size) return outcome(options, prepared, { finished: 0, failed: 0, stopped: null }, { seconds: 0, requests: 0, retries: 0, simulated: onlySimulator(config) });
    return await collect(options, prepared);
  } finally {
    await unlock?.();
  }
}

interface Prepared {
  simulator: SimulatorConfig;
  tasks: LoadedTasks;
  grid: Grid;
  done: Uint8Array;
  usage: Map<string, PolicyUsage>;
  already: number;
  trajectoriesPath: string;
}

async function collect(options: CollectRunOptions, prepared: Prepared): Promise<CollectOutcome> {
  const { config, log } = options;
  const { grid, tasks, simulator } = prepared;
  const sim = usesSimulator(config) ? await startInProcessSimulator(tasks, simulator, (error) => log(`simulator error: ${(error as Error).stack ?? String(error)}`)) : undefined;
  const store = new EpisodeStore(prepared.trajectoriesPath);
  let progress: Progress | undefined;
  try {
    if (sim) log(`the simulator server (not a language model) serves ${Object.keys(simulator.policies).join(', ')} at ${sim.url}`);
    const budget = new RequestBudget(config.maxRequests);
    const settings: TransportSettings = { timeoutMs: config.timeoutMs, retries: config.retries, baseMs: config.retryBaseMs, maxMs: config.retryMaxMs, sleep: options.sleep };
    const { transports, endpoints } = policyTransports(config, sim?.url, settings, budget);
    const simulated = await checkModels(config, endpoints, log);
    progress = options.progress(grid.size - prepared.already);
    const started = performance.now();
    const scheduled = await runMissing({
      config,
      grid,
      tasks: tasks.tasks.map((task) => task.row),
      tools: tasks.tasks.map((task) => new SearchTool(task.row.docs, config.topK, simulator.bm25)),
      transports,
      done: prepared.done,
      usage: prepared.usage,
      store,
      signal: options.signal,
      progress,
      log,
    });
    return outcome(options, prepared, scheduled, { seconds: (performance.now() - started) / 1000, requests: budget.used, retries: budget.retries, simulated });
  } finally {
    progress?.stop();
    store.close();
    await sim?.close();
  }
}

// The result of a run (or of finding the grid complete already): summary lines, counts and details.
function outcome(options: CollectRunOptions, prepared: Prepared, scheduled: Scheduled, run: { seconds: number; requests: number; retries: number; simulated: boolean }): CollectOutcome {
  const { config } = options;
  const { grid, usage } = prepared;
  const total = prepared.already + scheduled.finished;
  const complete = total === grid.size;
  const stopped = complete ? null : (scheduled.stopped ?? `${scheduled.failed} episodes failed`);
  const summary = summaryLines({ config, grid, usage, finished: scheduled.finished, total, failed: scheduled.failed, ...run, outDir: options.outDir });
  if (stopped) summary.push(`stopped before the grid was complete: ${stopped}. Run the same command to resume (finished episodes are kept).`);
  return {
    complete,
    stopped,
    summary,
    counts: { episodes: total, grid: grid.size, collected_now: scheduled.finished, failed: scheduled.failed, requests: run.requests, retries: run.retries },
    details: {
      simulator: run.simulated,
      tasks: prepared.tasks.label,
      seconds: Number(run.seconds.toFixed(3)),
      episodes_per_second: Number((scheduled.finished / Math.max(run.seconds, 1e-9)).toFixed(1)),
      usage: Object.fromEntries(usage),
    },
  };
}
