/**
 * swap: the study's cross-policy swap. For each key (task, budget, sample) where policies A (`--plan`)
 * and B (`--reasoning`, default the base policy) both have an episode, each policy's searches and
 * results are replayed verbatim into each policy's context (forced tool calls with their results), and
 * that policy writes the reasoning and answer — the full 2 × 2 grid plan ∈ {A, B} × reasoning ∈ {A, B}
 * over the same keys. Answers are graded as ingest grades them. Writes `swap.csv` (accuracy per cell with
 * task-bootstrap intervals), `swap_attribution.csv` (A − B split into plan and reasoning, both orders and
 * their Shapley average) and `swap_episodes.csv`. Runs only when asked for (`--swap`). docs/experiments.md.
 */
import { z } from 'zod';
import { swapTables, type SwapOutcome } from '../../../analyses/experiments/swap-table';
import { baseURLs } from '../../collect/transports';
import { ConfigError } from '../../errors';
import { ModelServers, SIM_URL, type OpenModel } from '../../experiments/model-server';
import { runSimulatorConfig } from '../../experiments/run-setup';
import { INTERVAL_LEVEL, TransportParams, transportSettings, wholeNumber } from '../../experiments/settings';
import { TaskLookup, trajectoryFiles } from '../../experiments/source-trajectories';
import { RequestBudget } from '../../llm/transport';
import { EpisodeAccount, episodesReceived } from '../../runner/episode-account';
import { BASE_FLAG, RESAMPLES_FLAG } from '../../runner/shared-flags';
import { defineStage, type CliFlag } from '../../runner/stage';
import { loadSimulatorConfig } from '../../simulate/simulator-config';
import { episodesFile } from '../../tables/episodes';
import { swapAttributionTable, swapEpisodesTable, swapTable, type SwapEpisodeRow } from '../../tables/swap';
import { taskTableFile } from '../../tables/task-table';
import { SOURCE_STAGE_NAMES } from '../names';
import { swapGrid } from './grid';
import { policySettings, simulatorTasks, swapConfig } from './policies';
import { runSwaps } from './run-swaps';
import { pairKeys } from './select';
import { inspectSwap, summaryLines } from './summary';

/** Parameters of the swap stage. */
export const SwapParams = z
  .object({
    /** Run the stage (`--swap`). */
    enabled: z.boolean().default(false),
    /** Policy A, whose plan is swapped into the reference's context (and the reverse). */
    plan: z.string().min(1).default('rl'),
    /** Policy B, the reference (default: the base policy). */
    reasoning: z.string().min(1).optional(),
    /** The reference policy when `reasoning` is not given. */
    base: z.string().min(1).default('base'),
    /** A collect config naming the policies' servers (default: the run's collection; without one, the simulator serves every policy). */
    config: z.string().min(1).optional(),
    /** At most this many keys per (task, budget), by sample index; 0 = all. */
    samples: z.number().int().min(0).default(8),
    /** Task-bootstrap resamples of the intervals (0: none). */
    resamples: z.number().int().min(0).default(1000),
    ...TransportParams,
  })
  .strict();

type Params = z.infer<typeof SwapParams>;

/** The command-line flags of the stage. */
export const SWAP_FLAGS: readonly CliFlag[] = [
  { flags: '--swap', description: 'run the plan/reasoning swap experiment (swap stage, docs/experiments.md)', param: 'enabled', parse: () => true },
  { flags: '--plan <policy>', description: 'swap: policy A, whose plans and reasoning are crossed with the reference’s (default rl)', param: 'plan' },
  { flags: '--reasoning <policy>', description: 'swap: policy B, the reference (default: --base)', param: 'reasoning' },
  { flags: '--swap-config <file>', description: 'swap: a collect config naming the policies’ servers (default: the run’s collection, else the simulator)', param: 'config' },
  {
    flags: '--swap-samples <n>',
    description: 'swap: keys per (task, budget) (default 8; 0 = all)',
    param: 'samples',
    parse: wholeNumber('--swap-samples'),
  },
  BASE_FLAG,
  RESAMPLES_FLAG,
];

/** The swap stage. */
export const swapStage = defineStage({
  name: 'swap',
  description: 'plans × reasoning of two policies crossed over the same episodes, and the difference attributed to each (on request: --swap)',
  inputs: ['ingest'],
  optionalInputs: SOURCE_STAGE_NAMES,
  modes: ['analysis'],
  cliGroup: 'experiments',
  requested: (params) => params.enabled === true,
  params: SwapParams,
  externalFiles: (params) => (params.config ? [params.config] : []),
  cli: SWAP_FLAGS,
  inspect: inspectSwap,
  async run(ctx) {
    const params: Params = ctx.params;
    const a = params.plan;
    const b = params.reasoning ?? params.base;
    if (a === b) throw new ConfigError(`--plan and --reasoning name the same policy (${a}).`, 'Name two policies, e.g. --plan rl --reasoning base.');
    const ingest = ctx.input('ingest');
    const config = await swapConfig(ctx);
    const simulator = loadSimulatorConfig(runSimulatorConfig(ctx, config));
    const policies = [a, b].map((name) => policySettings(name, config, simulator));

    const account = new EpisodeAccount('swap', episodesReceived(ingest.manifest));
    const rows = [];
    for await (const row of episodesFile.stream(ingest)) rows.push(row);
    const present = new Set(rows.map((row) => row.policy));
    for (const name of [a, b]) if (!present.has(name)) throw new ConfigError(`the run has no episodes of policy "${name}".`, `Its policies: ${[...present].sort().join(', ')}.`);
    const keys = pairKeys(rows, a, b, params.samples, account);
    const taskRows = [];
    for await (const task of taskTableFile.stream(ingest)) taskRows.push(task);

    const served = await simulatorTasks(ctx, policies, config, simulator);
    const servers = new ModelServers(() => ({ tasks: served?.tasks ?? [], world: served?.world, policies: simulator.policies }), transportSettings(params), new RequestBudget(undefined), (line) => ctx.log.warn(line));
    const wanted = new Set(keys.flatMap((key) => key.ids));
    const progress = ctx.progress('swapped episodes', wanted.size * 2);
    let answered;
    try {
      const models: OpenModel[] = [];
      for (const policy of policies) models.push(await servers.open({ urls: baseURLs(policy), model: policy.model, ...(policy.apiKeyEnv ? { apiKeyEnv: policy.apiKeyEnv } : {}) }, `policy ${policy.name}`));
      answered = await runSwaps({ policies, models, files: trajectoryFiles(ctx), tasks: new TaskLookup(taskRows), wanted, topK: config?.topK ?? 3, extraSteps: config?.extraSteps ?? 2, concurrency: params.concurrency, seed: ctx.seed, progress });
    } finally {
      progress.stop();
      await servers.close();
    }
    const { results, failed } = answered;
    const { outcomes, detail } = swapGrid(keys, [a, b], results, failed, account);
    account.check();
    if (outcomes.length === 0) {
      const first = [...failed.values()][0];
      throw new ConfigError(`swap: no key of ${a} and ${b} could be swapped${first ? ` (${first})` : ''}.`, 'Both policies need episodes of the same task, budget (T > 0) and sample.');
    }
    const tables = swapTables(outcomes, { a, b, resamples: params.resamples, level: INTERVAL_LEVEL, seed: ctx.seed });
    await swapTable.write(ctx.out, tables.cells);
    await swapAttributionTable.write(ctx.out, tables.attribution);
    await swapEpisodesTable.write(ctx.out, detail);
    const simulated = policies.every((policy) => baseURLs(policy).every((url) => url === SIM_URL));
    return {
      counts: { ...account.counts(), keys: outcomes.length / 4, requests: detail.reduce((sum, row) => sum + row.requests, 0) },
      summary: [
        `swap: ${outcomes.length / 4} keys × 4 cells (plan ${a}/${b} × reasoning ${a}/${b})${simulated ? ' on the simulator server' : ''}`,
        ...summaryLines(tables.cells, tables.attribution),
        ...(failed.size > 0 ? [`swap: ${failed.size} requests failed after their retries; the first: ${[...failed.values()][0]}`] : []),
        ...account.summary(),
      ],
      details: { plan: a, reasoning: b, simulator: simulated, ...account.details() },
    };
  },
});
