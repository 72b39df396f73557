import { UserError } from '../errors';
import type { PlannedStage, RunPlan } from '../runner/plan';
import type { StageRegistry } from '../runner/registry';
import type { CliFlag, FlagGroup } from '../runner/stage';
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

const SOURCE_STAGES = ['simulate', 'import'] as const;
/** Stages only a shard run (`--shard i/N`) or a merge run (`--merge`) plans. */
const SHARDING_STAGES = ['stats', 'merge'] as const;
/** A shard run reduces its slice to statistics: analyses of one slice alone would mislead. */
const SHARD_RUN_STAGES = ['ingest', 'label', 'stats'] as const;
/** A merge run has statistics, not episodes: only the stages that work from counts (docs/sharding.md). */
const MERGE_RUN_STAGES = ['merge', 'passkt', 'boundary', 'report'] as const;

/** The commander attribute name of a flag: `--tasks-per-family <n>` → `tasksPerFamily`. */
export function flagAttribute(flags: string): string {
  const long = flags.split(/[ ,|]+/).find((part) => part.startsWith('--'))!.slice(2);
  return long.replace(/^no-/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Chooses the run's stages and parameters: defaults < config file < command-line flags. The source is
 * `import` when imports are given, none when trajectory files are given, `simulate` otherwise.
 * `--shard i/N` plans the source, ingest, label and stats only; `--merge <runs…>` plans merge, passkt
 * (from the merged statistics), boundary and report (docs/sharding.md).
 */
export function buildPlan(registry: StageRegistry, config: ConfigFile, choices: PlanChoices): RunPlan {
  const params = new Map<string, Record<string, unknown>>();
  for (const stage of registry.all()) params.set(stage.name, { ...(config.stages?.[stage.name] ?? {}) });
  for (const name of Object.keys(config.stages ?? {})) registry.get(name);

  const given: { flag: CliFlag; group: FlagGroup }[] = [];
  for (const stage of registry.all()) {
    for (const flag of (stage.cli ?? []) as readonly CliFlag[]) {
      const value = choices.flagValues[flagAttribute(flag.flags)];
      if (value === undefined) continue;
      given.push({ flag, group: flagGroup(stage, flag) });
      params.get(stage.name)![flag.param] = flag.parse ? flag.parse(value as string | boolean | string[]) : value;
    }
  }

  const ingest = params.get('ingest') ?? {};
  const merging = Array.isArray(params.get('merge')?.shards) && (params.get('merge')!.shards as unknown[]).length > 0;
  if (merging) {
    checkSourceFlags(given, 'merge');
    return mergePlan(registry, config, choices, params, ingest);
  }
  const hasImports = Array.isArray(params.get('import')?.imports) && (params.get('import')!.imports as unknown[]).length > 0;
  const hasFiles = Array.isArray(ingest.trajectories) && (ingest.trajectories as unknown[]).length > 0;
  const source = hasImports ? 'import' : hasFiles ? undefined : 'simulate';
  if (source && !registry.has(source)) {
    throw new UserError(
      source === 'simulate'
        ? 'no trajectories given and the simulator is not available in this build.'
        : 'imports were given but the import stage is not available in this build.',
      'Pass --tasks <file> --trajectories <file> to analyse your own data.',
    );
  }
  if (source) ingest.source = source;
  if (hasImports && hasFiles) {
    throw new UserError('--import and --trajectories cannot be combined in one run.', 'Convert with --import, or pass canonical files with --trajectories.');
  }
  checkSourceFlags(given, source ?? 'files');

  const sharded = ingest.shard !== undefined;
  const inRun = (name: string) =>
    (SOURCE_STAGES as readonly string[]).includes(name)
      ? name === source
      : sharded
        ? (SHARD_RUN_STAGES as readonly string[]).includes(name)
        : !(SHARDING_STAGES as readonly string[]).includes(name);
  return planOf(registry, config, choices, params, inRun);
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
    ...(Array.isArray(params.get('import')?.imports) && (params.get('import')!.imports as unknown[]).length > 0 ? ['--import'] : []),
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
  const passkt = params.get('passkt');
  if (passkt) passkt.source = 'merge';
  return planOf(registry, config, choices, params, (name) => (MERGE_RUN_STAGES as readonly string[]).includes(name));
}

function planOf(
  registry: StageRegistry,
  config: ConfigFile,
  choices: PlanChoices,
  params: Map<string, Record<string, unknown>>,
  inRun: (name: string) => boolean,
): RunPlan {
  const skip = new Set([...(config.skip ?? []), ...(choices.skip ?? [])]);
  for (const name of skip) registry.get(name);
  const stages: PlannedStage[] = registry
    .all()
    .filter((stage) => !skip.has(stage.name) && inRun(stage.name))
    .map((stage) => ({ name: stage.name, params: params.get(stage.name)! }));
  return {
    stages,
    settings: { seed: choices.seed ?? config.seed ?? 20260425, strict: choices.strict ?? config.strict ?? false },
  };
}
