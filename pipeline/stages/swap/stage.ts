/**
 * swap: the study's cross-policy swap. For each key (task, budget, sample) where policies A (`--plan`)
 * and B (`--reasoning`, default the base policy) both have an episode, each policy's searches and
 * results are replayed verbatim into each policy's context (forced tool calls with their results), and
 * that policy writes the reasoning and answer — the full 2 × 2 grid plan ∈ {A, B} × reasoning ∈ {A, B}
 * over the same keys. Answers are graded as ingest grades them. Writes `swap.csv` (accuracy per cell with
 * task-bootstrap intervals), `swap_attribution.csv` (A − B split into plan and reasoning, both orders and
 * their Shapley average) and `swap_episodes.csv`. Runs only when asked for (`--swap`). docs/experiments.md.
 */
import { setMaxListeners } from 'node:events';
import { z } from 'zod';
import { swapTables, type SwapOutcome } from '../../../analyses/experiments/swap-table';
import { hashString } from '../../../analyses/random/rng';
import { DEFAULT_COLLECT_OUT, readCollectConfig, withAbsolutePaths, type CollectConfig, type PolicySettings } from '../../collect/config';
import { baseURLs } from '../../collect/transports';
import { ConfigError } from '../../errors';
import { forEachBounded } from '../../experiments/bounded';
import { ModelServers, SIM_URL, type OpenModel } from '../../experiments/model-server';
import { runCollectConfig, runSimulatorConfig } from '../../experiments/run-setup';
import { INTERVAL_LEVEL, TransportParams, transportSettings } from '../../experiments/settings';
import { TaskLookup, trajectoryFiles, wantedTrajectories } from '../../experiments/source-trajectories';
import { RequestBudget, RequestFailed } from '../../llm/transport';
import { EpisodeAccount, episodesReceived } from '../../runner/episode-account';
import { BASE_FLAG, RESAMPLES_FLAG } from '../../runner/shared-flags';
import { defineStage, type CliFlag, type StageContext } from '../../runner/stage';
import { loadSimulatorConfig } from '../../simulate/simulator-config';
import { episodesFile } from '../../tables/episodes';
import { swapAttributionTable, swapEpisodesTable, swapTable, type SwapEpisodeRow } from '../../tables/swap';
import { taskTableFile } from '../../tables/task-table';
import { HOTPOTQA_PREFIX, loadTaskSource } from '../../task-source/task-source';
import { SOURCE_STAGE_NAMES } from '../names';
import { forcedConversation } from './forced-conversation';
import { reasonOnPlan, type Reasoned } from './reason';
import { pairKeys, type SwapKey } from './select';
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
    parse: (value) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new ConfigError(`--swap-samples needs a whole number, got "${String(value)}".`);
      return n;
    },
  },
  BASE_FLAG,
  RESAMPLES_FLAG,
];

/** How the swap reaches the policies: the collect config's servers, else the simulator for every policy. */
async function swapConfig(ctx: StageContext<Params>): Promise<CollectConfig | undefined> {
  if (ctx.params.config) {
    const config = readCollectConfig(ctx.externalFiles[0]!);
    return withAbsolutePaths(config, config.out ?? DEFAULT_COLLECT_OUT);
  }
  return runCollectConfig(ctx);
}

// A policy as the config describes it, or the simulator's policy of that name with the collector's defaults.
function policySettings(name: string, config: CollectConfig | undefined, simulated: readonly string[]): PolicySettings {
  const found = config?.policies.find((policy) => policy.name === name);
  if (found) return found;
  if (config) throw new ConfigError(`the swap's collect config has no policy "${name}".`, `Its policies: ${config.policies.map((p) => p.name).join(', ')}.`);
  if (!simulated.includes(name)) throw new ConfigError(`the simulator has no policy "${name}" to reason with.`, 'Pass --swap-config <collect.json> naming the servers of your policies.');
  return { name, baseURL: SIM_URL, model: name, protocol: 'tools', temperature: 1, top_p: 1, max_tokens: 512, stream: false, extra: {} };
}

/** The tasks file of the run, with the paragraphs the simulator reads: the source stage's, else the one given with --tasks. */
function runTasksFile(ctx: StageContext<Params>): string {
  const source = SOURCE_STAGE_NAMES.find((stage) => ctx.hasInput(stage) && ctx.input(stage).has('tasks.jsonl'));
  if (source) return ctx.input(source).path('tasks.jsonl');
  const ingest = ctx.input('ingest').manifest;
  const tasks = (ingest.params as { tasks?: string }).tasks;
  if (tasks && !tasks.startsWith(HOTPOTQA_PREFIX)) return ingest.external_files[0]!.path;
  if (tasks) return `${HOTPOTQA_PREFIX}${ingest.external_files[0]!.path}`;
  throw new ConfigError('the simulator needs the tasks the episodes ran on (their paragraphs and answers), and this run has no tasks file.', 'Pass --tasks <file>, or --swap-config <collect.json> naming its tasks.');
}

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
    const policies = [a, b].map((name) => policySettings(name, config, Object.keys(simulator.policies)));

    const account = new EpisodeAccount('swap', episodesReceived(ingest.manifest));
    const rows = [];
    for await (const row of episodesFile.stream(ingest)) rows.push(row);
    const present = new Set(rows.map((row) => row.policy));
    for (const name of [a, b]) if (!present.has(name)) throw new ConfigError(`the run has no episodes of policy "${name}".`, `Its policies: ${[...present].sort().join(', ')}.`);
    const keys = pairKeys(rows, a, b, params.samples, account);
    const taskRows = [];
    for await (const task of taskTableFile.stream(ingest)) taskRows.push(task);

    const usesSim = policies.some((policy) => baseURLs(policy).includes(SIM_URL));
    const served = usesSim ? await loadTaskSource(config ? config.tasks : { file: runTasksFile(ctx) }, simulator) : undefined;
    const servers = new ModelServers(() => ({ tasks: served?.tasks ?? [], world: served?.world, policies: simulator.policies }), transportSettings(params), new RequestBudget(undefined), (line) => ctx.log.warn(line));
    const byId = new Map<string, { key: SwapKey; plan: number }>();
    for (const key of keys) key.ids.forEach((id, plan) => byId.set(id, { key, plan }));
    const results = new Map<string, Reasoned>();
    const failed = new Map<string, string>();
    const progress = ctx.progress('swapped episodes', byId.size * 2);
    try {
      const models: OpenModel[] = [];
      for (const policy of policies) models.push(await servers.open({ urls: baseURLs(policy), model: policy.model, ...(policy.apiKeyEnv ? { apiKeyEnv: policy.apiKeyEnv } : {}) }, `policy ${policy.name}`));
      const signal = new AbortController().signal;
      // Every request in flight listens to this signal: many listeners are expected, not a leak.
      setMaxListeners(0, signal);
      const topK = config?.topK ?? 3;
      await forEachBounded(wantedTrajectories(trajectoryFiles(ctx), new TaskLookup(taskRows), (id) => byId.has(id)), Math.max(1, Math.floor(params.concurrency / 2)), async ({ id, task, trajectory }) => {
        await Promise.all(
          policies.map(async (policy, r) => {
            const cell = `${id}\u0000${policy.name}`;
            try {
              const conversation = forcedConversation(trajectory.steps, task.question, policy.protocol, topK);
              const seed = hashString(`${ctx.seed}|${id}|${policy.name}`) >>> 1;
              results.set(cell, await reasonOnPlan(policy, models[r]!.transport, conversation, task.answers, { seed, extraSteps: config?.extraSteps ?? 2, signal, key: cell }));
            } catch (error) {
              if (!(error instanceof RequestFailed)) throw error;
              if (error.fatal) throw new ConfigError(`swap: policy ${policy.name} stopped the run: ${error.message}.`, 'Check the server, model and key of the policy in the collect config.');
              failed.set(cell, error.message);
            } finally {
              progress.tick();
            }
          }),
        );
      });
    } finally {
      progress.stop();
      await servers.close();
    }

    // A key enters the grid when all four of its cells were answered; otherwise both its episodes are left out.
    const outcomes: SwapOutcome[] = [];
    const detail: SwapEpisodeRow[] = [];
    for (const key of keys) {
      const cells = key.ids.flatMap((id, plan) => policies.map((policy, r) => ({ id, plan, r, result: results.get(`${id}\u0000${policy.name}`) })));
      const missing = cells.some((cell) => cell.result === undefined);
      if (missing) {
        const reason = cells.some((cell) => failed.has(`${cell.id}\u0000${policies[cell.r]!.name}`)) ? 'request_failed' : 'steps_not_found';
        account.leaveOut(reason, a);
        account.leaveOut(reason, b);
        continue;
      }
      account.use(2);
      for (const cell of cells) {
        const plan = policies[cell.plan]!.name;
        const reasoning = policies[cell.r]!.name;
        outcomes.push({ task: key.task, family: key.family, budget: key.budget, key: key.key, plan, reasoning, correct: cell.result!.correct });
        detail.push({ plan_episode: cell.id, task: key.task, family: key.family, budget: key.budget, sample: key.sample, plan_policy: plan, reasoning_policy: reasoning, answer: cell.result!.answer, correct: cell.result!.correct, f1: cell.result!.f1, requests: cell.result!.requests });
      }
    }
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
