/**
 * simulate: the embedded default source. Generates a fictional compositional-QA environment (or loads
 * HotpotQA tasks), plays the configured policies through the BM25 search tool, and writes
 * `tasks.jsonl` and `trajectories.jsonl` (FORMAT.md; streamed, never held in memory) and `planted.json`
 * (the truth it planted). Everything it writes is labelled simulated. See docs/simulator.md.
 */
import { z } from 'zod';
import { ConfigError } from '../../errors';
import { FAMILIES, type Family } from '../../environment/tasks/sim-task';
import { defineStage, type CliFlag } from '../../runner/stage';
import { inspectSimulation } from './inspect';
import type { PlantedTruth } from '../../simulate/planted-truth';
import { episodeCount, simulateEpisodes } from '../../simulate/simulate-episodes';
import { generatedSource, hotpotqaSource, type SimulationSource } from '../../simulate/simulation-source';
import { DEFAULT_SIMULATOR_CONFIG, loadSimulatorConfig } from '../../simulate/simulator-config';
import { stageRandom } from '../../simulate/stage-random';
import { StrategyTally } from '../../simulate/strategy-tally';

/** Sizes of the default and of the `--quick` preset. */
export const SIMULATE_SIZES = { default: { tasksPerFamily: 100, samples: 64 }, quick: { tasksPerFamily: 20, samples: 16 } } as const;

/** Parameters of the simulate stage. */
export const SimulateParams = z
  .object({
    /** Tasks per family (default 100; 20 with `quick`). With `hotpotqa`: at most this many per question type (default all). */
    tasksPerFamily: z.number().int().positive().optional(),
    /** Episodes per (policy, task, budget) (default 64; 16 with `quick`). */
    samples: z.number().int().positive().optional(),
    /** Budgets T (max tool-call rounds) of the grid. */
    budgets: z.array(z.number().int().min(0)).min(1).default([0, 1, 2, 3, 5]),
    /** Generated task families. */
    families: z.array(z.enum(FAMILIES)).min(1).default([...FAMILIES]),
    /** Paragraphs per search result. */
    topK: z.number().int().positive().default(3),
    /** A HotpotQA distractor-setting JSON file: simulate on its questions instead of the generated world. */
    hotpotqa: z.string().optional(),
    /** An alternative simulator config (default data/simulator.config.json). */
    config: z.string().optional(),
    /** Small sizes for demos (the whole pipeline in seconds). */
    quick: z.boolean().default(false),
    /** Which of the config's policies to play (default all, in config order). */
    policies: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();

type Params = z.infer<typeof SimulateParams>;

type FlagValue = string | boolean | string[];

const list = (value: FlagValue): string[] =>
  (Array.isArray(value) ? value : [String(value)])
    .flatMap((part) => part.split(','))
    .map((part) => part.trim())
    .filter(Boolean);

function integer(flag: string) {
  return (value: FlagValue): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${flag} needs a whole number, got "${String(value)}".`, `Example: ${flag} 20`);
    return n;
  };
}

/** The command-line flags of the stage. */
export const SIMULATE_FLAGS: readonly CliFlag[] = [
  { flags: '--tasks-per-family <n>', description: 'simulated tasks per family (default 100)', param: 'tasksPerFamily', parse: integer('--tasks-per-family') },
  { flags: '--samples <n>', description: 'simulated episodes per (policy, task, budget) (default 64)', param: 'samples', parse: integer('--samples') },
  {
    flags: '--budgets <list>',
    description: 'budgets T of the simulated grid, comma-separated (default 0,1,2,3,5)',
    param: 'budgets',
    parse: (value) => list(value).map(integer('--budgets')),
  },
  { flags: '--quick', description: 'small sizes so the whole pipeline runs in seconds', param: 'quick', parse: () => true },
  { flags: '--hotpotqa <file>', description: 'simulate on HotpotQA distractor-setting questions instead of the generated world', param: 'hotpotqa' },
  { flags: '--simulator-config <file>', description: 'simulator config (policies, world, BM25); default data/simulator.config.json', param: 'config' },
];

/** The files the stage reads: the simulator config (always, so editing it re-runs the stage) and the HotpotQA file. */
function stageFiles(params: Params): string[] {
  return [params.config ?? DEFAULT_SIMULATOR_CONFIG, ...(params.hotpotqa ? [params.hotpotqa] : [])];
}

/** The simulate stage. */
export const simulateStage = defineStage({
  name: 'simulate',
  description: 'generate the default data: a compositional-QA world, BM25 search, simulated base/rl/sft policies',
  inputs: [],
  modes: ['analysis', 'shard'],
  source: { requested: () => false, fallback: true },
  params: SimulateParams,
  externalFiles: stageFiles,
  cli: SIMULATE_FLAGS,
  cliGroup: 'simulate',
  inspect: inspectSimulation,
  async run(ctx) {
    const { params } = ctx;
    const sizes = params.quick ? SIMULATE_SIZES.quick : SIMULATE_SIZES.default;
    const samples = params.samples ?? sizes.samples;
    const config = loadSimulatorConfig(ctx.externalFiles[0]);
    const names = params.policies ?? Object.keys(config.policies);
    const unknown = names.filter((name) => !(name in config.policies));
    if (unknown.length > 0) {
      throw new ConfigError(`simulate: unknown polic${unknown.length > 1 ? 'ies' : 'y'} ${unknown.join(', ')}.`, `The simulator config defines: ${Object.keys(config.policies).join(', ')}.`);
    }
    const policies = Object.fromEntries(names.map((name) => [name, config.policies[name]!]));
    const random = stageRandom(ctx.seed);

    const source: SimulationSource = params.hotpotqa
      ? hotpotqaSource(ctx.externalFiles[1]!, params.tasksPerFamily ?? (params.quick ? sizes.tasksPerFamily : undefined))
      : generatedSource(config, params.families as Family[], params.tasksPerFamily ?? sizes.tasksPerFamily, random.environment);
    const familyOf = new Map(source.tasks.map((task) => [task.row.task, task.row.family]));
    const tasksPerFamily: Record<string, number> = {};
    for (const family of familyOf.values()) tasksPerFamily[family] = (tasksPerFamily[family] ?? 0) + 1;

    const taskWriter = ctx.out.jsonl('tasks.jsonl');
    for (const task of source.tasks) await taskWriter.write(task.row);
    await taskWriter.close();

    const grid = { budgets: [...params.budgets], samples };
    const setup = { tasks: source.tasks, world: source.world, policies, grid, topK: params.topK, bm25: config.bm25, seed: random.episodes };
    const total = episodeCount(setup);
    const tally = new StrategyTally();
    const progress = ctx.progress('episodes', total);
    const writer = ctx.out.jsonl('trajectories.jsonl');
    const started = performance.now();
    let written = 0;
    for (const trajectory of simulateEpisodes(setup)) {
      await writer.write(trajectory);
      tally.add(trajectory.policy, familyOf.get(trajectory.task)!, trajectory.budget!, trajectory.meta);
      if (++written % 4096 === 0) progress.tick(4096);
    }
    await writer.close();
    progress.tick(written % 4096);
    progress.stop();
    const seconds = (performance.now() - started) / 1000;

    const planted: PlantedTruth = {
      simulated: true,
      source: source.kind,
      seed: ctx.seed,
      grid,
      top_k: params.topK,
      bm25: config.bm25,
      world: source.kind === 'generated' ? config.world : null,
      tasks: source.tasks.length,
      tasks_per_family: tasksPerFamily,
      episodes: written,
      policies,
      strategy_frequencies: tally.shares(),
    };
    await ctx.out.json('planted.json', planted);

    const rate = Math.round(written / Math.max(seconds, 1e-9));
    return {
      counts: { tasks: source.tasks.length, episodes: written, policies: names.length },
      summary: [
        `SIMULATED data (${source.kind === 'generated' ? 'generated world' : 'HotpotQA questions'}): ${written} episodes = ${names.length} policies × ${source.tasks.length} tasks × ${grid.budgets.length} budgets × ${samples} samples`,
        `simulated and written in ${seconds.toFixed(1)} s (${rate} episodes/s)`,
      ],
      details: { simulated: true, source: source.kind, seconds: Number(seconds.toFixed(3)), episodes_per_second: rate, tasks_per_family: tasksPerFamily },
    };
  },
});
