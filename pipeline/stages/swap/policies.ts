/**
 * Where the swap reaches its two policies: the collect config given with `--swap-config`, else the run's
 * collection (the collect stage's `collect-config.json`), else the simulator server for every policy —
 * serving the run's tasks (the collection's task source, the source stage's `tasks.jsonl`, or the file
 * given with `--tasks`), since a simulated policy reads the paragraphs of the task it is asked about.
 */
import { DEFAULT_COLLECT_OUT, readCollectConfig, withAbsolutePaths, type CollectConfig, type PolicySettings } from '../../collect/config';
import { baseURLs } from '../../collect/transports';
import { ConfigError } from '../../errors';
import { SIM_URL } from '../../experiments/model-server';
import { runCollectConfig } from '../../experiments/run-setup';
import type { StageContext } from '../../runner/stage';
import type { SimulatorConfig } from '../../simulate/simulator-config';
import { HOTPOTQA_PREFIX, loadTaskSource, type LoadedTasks } from '../../task-source/task-source';
import { SOURCE_STAGE_NAMES } from '../names';

type Context = Pick<StageContext<{ config?: string }>, 'params' | 'externalFiles' | 'hasInput' | 'input'>;

/** The collect config that names the policies' servers, if there is one. */
export async function swapConfig(ctx: Context): Promise<CollectConfig | undefined> {
  if (ctx.params.config) {
    const config = readCollectConfig(ctx.externalFiles[0]!);
    return withAbsolutePaths(config, config.out ?? DEFAULT_COLLECT_OUT);
  }
  return runCollectConfig(ctx);
}

/** A policy as the config describes it, or the simulator's policy of that name with the collector's defaults. */
export function policySettings(name: string, config: CollectConfig | undefined, simulator: SimulatorConfig): PolicySettings {
  const found = config?.policies.find((policy) => policy.name === name);
  if (found) return found;
  if (config) throw new ConfigError(`the swap's collect config has no policy "${name}".`, `Its policies: ${config.policies.map((p) => p.name).join(', ')}.`);
  if (!(name in simulator.policies)) throw new ConfigError(`the simulator has no policy "${name}" to reason with.`, 'Pass --swap-config <collect.json> naming the servers of your policies.');
  return { name, baseURL: SIM_URL, model: name, protocol: 'tools', temperature: 1, top_p: 1, max_tokens: 512, stream: false, extra: {} };
}

// The tasks file of the run, with the paragraphs the simulator reads: the source stage's, else the one given with --tasks.
function runTasksFile(ctx: Context): string {
  const source = SOURCE_STAGE_NAMES.find((stage) => ctx.hasInput(stage) && ctx.input(stage).has('tasks.jsonl'));
  if (source) return ctx.input(source).path('tasks.jsonl');
  const ingest = ctx.input('ingest').manifest;
  const tasks = (ingest.params as { tasks?: string }).tasks;
  if (tasks) return `${tasks.startsWith(HOTPOTQA_PREFIX) ? HOTPOTQA_PREFIX : ''}${ingest.external_files[0]!.path}`;
  throw new ConfigError('the simulator needs the tasks the episodes ran on (their paragraphs and answers), and this run has no tasks file.', 'Pass --tasks <file>, or --swap-config <collect.json> naming its tasks.');
}

/** The tasks the in-process simulator serves, when a policy is served by it. */
export async function simulatorTasks(ctx: Context, policies: readonly PolicySettings[], config: CollectConfig | undefined, simulator: SimulatorConfig): Promise<LoadedTasks | undefined> {
  if (!policies.some((policy) => baseURLs(policy).includes(SIM_URL))) return undefined;
  return loadTaskSource(config ? config.tasks : { file: runTasksFile(ctx) }, simulator);
}
