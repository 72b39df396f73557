import { ConfigError, StageError } from '../errors';
import type { StageRegistry } from './registry';
import type { RunSettings, StageDefinition } from './stage';

/** A stage chosen for a run, with its raw (not yet validated) parameters. */
export interface PlannedStage {
  name: string;
  params: Record<string, unknown>;
}

/** What a run executes: the stages and the run-wide settings. */
export interface RunPlan {
  stages: PlannedStage[];
  settings: RunSettings;
}

/** A planned stage after validation: its definition, parsed parameters and resolved upstream stages. */
export interface ResolvedStage {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  definition: StageDefinition<any>;
  params: unknown;
  /** Upstream stages actually present in the run (required ones plus optional ones that are planned). */
  upstream: string[];
}

/** Validates every planned stage's parameters and orders the stages so inputs come first. */
export function resolvePlan(plan: RunPlan, registry: StageRegistry): ResolvedStage[] {
  const planned = new Set(plan.stages.map((stage) => stage.name));
  const resolved = new Map<string, ResolvedStage>();
  for (const { name, params } of plan.stages) {
    const definition = registry.get(name);
    rejectUnknownKeys(name, definition, params);
    const parsed = definition.params.safeParse(params);
    if (!parsed.success) {
      const problems = parsed.error.issues
        .map((issue: { path: PropertyKey[]; message: string }) => `parameter "${issue.path.map(String).join('.') || '(root)'}": ${issue.message}`)
        .join('; ');
      throw new ConfigError(
        `stage "${name}" has invalid parameters: ${problems}.`,
        'Fix the value in your --config file or on the command line (see README, "Options").',
      );
    }
    const required = definition.inputs;
    for (const input of required) {
      if (!planned.has(input)) {
        throw new ConfigError(
          `stage "${name}" needs the outputs of stage "${input}", which is not part of this run.`,
          `Add "${input}" to the run, or remove "${name}".`,
        );
      }
    }
    const optional = (definition.optionalInputs ?? []).filter((input) => planned.has(input));
    resolved.set(name, { definition, params: parsed.data, upstream: [...new Set([...required, ...optional])] });
  }
  return orderByInputs([...resolved.values()], registry);
}

// Kahn's algorithm; ties broken by the registry's canonical order so runs are reproducible.
function orderByInputs(stages: ResolvedStage[], registry: StageRegistry): ResolvedStage[] {
  const canonical = registry.names();
  const rank = (stage: ResolvedStage) => canonical.indexOf(stage.definition.name);
  const remaining = [...stages].sort((a, b) => rank(a) - rank(b));
  const done = new Set<string>();
  const ordered: ResolvedStage[] = [];
  while (remaining.length > 0) {
    const next = remaining.findIndex((stage) => stage.upstream.every((input) => done.has(input)));
    if (next === -1) {
      throw new StageError(`the stages ${remaining.map((s) => s.definition.name).join(', ')} depend on each other in a cycle.`);
    }
    const [stage] = remaining.splice(next, 1);
    ordered.push(stage!);
    done.add(stage!.definition.name);
  }
  return ordered;
}

// zod objects strip unknown keys silently; a misspelt config key must be an error instead.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function rejectUnknownKeys(name: string, definition: StageDefinition<any>, params: Record<string, unknown>): void {
  const shape = (definition.params as { shape?: Record<string, unknown> }).shape;
  if (!shape) return;
  const unknown = Object.keys(params).filter((key) => !(key in shape));
  if (unknown.length > 0) {
    throw new ConfigError(
      `stage "${name}" has no parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}.`,
      `Its parameters are: ${Object.keys(shape).join(', ') || '(none)'}.`,
    );
  }
}
