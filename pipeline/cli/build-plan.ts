import { ConfigError, UserError } from '../errors';
import type { PlannedStage, RunPlan } from '../runner/plan';
import type { StageRegistry } from '../runner/registry';
import type { CliFlag, FlagGroup, RunMode, StageDefinition } from '../runner/stage';
import type { ConfigFile } from './config-file';
import { checkSourceFlags, flagGroup } from './flag-groups';

/** What the command line chose, after commander parsed it. */
export interface PlanChoices {
  seed?: number;
  strict?: boolean;
  skip?: string[];
  /** Values of stage flags, keyed by the flag's attribute name (commander's camelCase). */
  flagValues: Record<string, unknown>;
}

/** The commander attribute name of a flag: `--tasks-per-family <n>` → `tasksPerFamily`. */
export function flagAttribute(flags: string): string {
  const long = flags.split(/[ ,|]+/).find((part) => part.startsWith('--'))!.slice(2);
  return long.replace(/^no-/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Chooses the run's stages and parameters: defaults < config file < command-line flags. The kind of
 * run is the one a stage's parameters ask for (`--shard` → shard, `--merge` → merge), else analysis;
 * the source is the source stage the parameters ask for (`--import` → import), none when trajectory
 * files are given, else the fallback source (the simulator). A stage runs when it declares the run's
 * mode (docs/architecture.md); a source stage only when it is the run's source; a stage that runs on
 * request (score, swap) only when its options ask for it.
 */
export function buildPlan(registry: StageRegistry, config: ConfigFile, choices: PlanChoices): RunPlan {
  const params = new Map<string, Record<string, unknown>>();
  for (const stage of registry.all()) params.set(stage.name, { ...(config.stages?.[stage.name] ?? {}) });
  for (const name of Object.keys(config.stages ?? {})) registry.get(name);
  setReferenceOnce(registry, config, params);

  const given: { flag: CliFlag; group: FlagGroup }[] = [];
  for (const stage of registry.all()) {
    for (const flag of (stage.cli ?? []) as readonly CliFlag[]) {
      const value = choices.flagValues[flagAttribute(flag.flags)];
      if (value === undefined) continue;
      given.push({ flag, group: flagGroup(stage, flag) });
      params.get(stage.name)![flag.param] = flag.parse ? flag.parse(value as string | boolean | string[]) : value;
    }
  }

  // The kind of run: merge when a stage's options ask for it (a merge conflicts with everything else), then shard.
  const asked = new Set(registry.all().map((stage) => stage.requestsMode?.(params.get(stage.name)!)));
  const mode: RunMode = asked.has('merge') ? 'merge' : asked.has('shard') ? 'shard' : 'analysis';
  const ingest = params.get('ingest') ?? {};
  if (mode === 'merge') {
    checkSourceFlags(given, 'merge');
    return mergePlan(registry, config, choices, params, ingest);
  }

  const requested = registry.all().filter((stage) => stage.source?.requested(params.get(stage.name)!));
  const hasFiles = Array.isArray(ingest.trajectories) && (ingest.trajectories as unknown[]).length > 0;
  if (requested.length > 1) {
    throw new UserError(`the sources ${requested.map((stage) => stage.name).join(' and ')} cannot be combined in one run.`, 'Choose one source per run.');
  }
  if (requested.length > 0 && hasFiles) {
    throw new UserError(`--${requested[0]!.name} and --trajectories cannot be combined in one run.`, `Convert or collect with --${requested[0]!.name}, or pass canonical files with --trajectories.`);
  }
  const fallback = registry.all().find((stage) => stage.source?.fallback);
  const source = requested[0] ?? (hasFiles ? undefined : fallback);
  if (!source && !hasFiles) {
    throw new UserError('no trajectories given and no source stage is available in this build.', 'Pass --tasks <file> --trajectories <file> to analyse your own data.');
  }
  checkSourceFlags(given, source?.name ?? 'files');
  return planOf(registry, config, choices, params, (stage) => stage.modes.includes(mode) && (!stage.source || stage === source) && (!stage.requested || stage.requested(params.get(stage.name)!)));
}

// The reference policy is one setting of the run: a stage-level `base` would let two stages compare in
// opposite directions, so it is refused and the top-level value is given to every stage that compares.
function setReferenceOnce(registry: StageRegistry, config: ConfigFile, params: Map<string, Record<string, unknown>>): void {
  const perStage = Object.entries(config.stages ?? {}).filter(([, values]) => values && 'base' in values).map(([name]) => name);
  if (perStage.length > 0) {
    throw new ConfigError(
      `the config file sets "base" for ${perStage.map((name) => `stages.${name}`).join(', ')}: the reference policy is one setting for the whole run.`,
      'Write it once at the top level of the config file ({"base": "my-base-policy", …}), or pass --base <policy>.',
    );
  }
  if (config.base === undefined) return;
  for (const stage of registry.all()) {
    const shape = (stage.params as { shape?: Record<string, unknown> }).shape;
    if (shape && 'base' in shape) params.get(stage.name)!.base = config.base;
  }
}

// A merge run reads statistics files, so it takes no trajectories, imports or shard of its own.
function mergePlan(
  registry: StageRegistry,
  config: ConfigFile,
  choices: PlanChoices,
  params: Map<string, Record<string, unknown>>,
  ingest: Record<string, unknown>,
): RunPlan {
  const conflicts = [
    ...registry.all().filter((stage) => stage.source?.requested(params.get(stage.name)!)).map((stage) => `--${stage.name}`),
    ...(Array.isArray(ingest.trajectories) && (ingest.trajectories as unknown[]).length > 0 ? ['--trajectories'] : []),
    ...(ingest.tasks !== undefined ? ['--tasks'] : []),
    ...(ingest.shard !== undefined ? ['--shard'] : []),
  ];
  if (conflicts.length > 0) {
    throw new UserError(
      `--merge cannot be combined with ${conflicts.join(', ')}: a merge run reads the shard runs' statistics, not trajectories.`,
      'Run each shard with --shard i/N first, then merge their run folders: --merge <run-dir> <run-dir> …',
    );
  }
  return planOf(registry, config, choices, params, (stage) => !stage.source && stage.modes.includes('merge') && (!stage.requested || stage.requested(params.get(stage.name)!)));
}

function planOf(
  registry: StageRegistry,
  config: ConfigFile,
  choices: PlanChoices,
  params: Map<string, Record<string, unknown>>,
  inRun: (stage: StageDefinition) => boolean,
): RunPlan {
  const skip = new Set([...(config.skip ?? []), ...(choices.skip ?? [])]);
  for (const name of skip) registry.get(name);
  const chosen = registry.all().filter((stage) => !skip.has(stage.name) && inRun(stage));
  const planned = new Set(chosen.map((stage) => stage.name));
  const stages: PlannedStage[] = chosen.map((stage) => {
    const own = params.get(stage.name)!;
    return { name: stage.name, params: stage.withPlan ? stage.withPlan(own, planned) : own };
  });
  return {
    stages,
    settings: { seed: choices.seed ?? config.seed ?? 20260425, strict: choices.strict ?? config.strict ?? false },
  };
}
