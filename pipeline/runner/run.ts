/**
 * The runner: executes a resolved plan stage by stage.
 *
 *   for each stage, inputs first:
 *     1. fingerprint = code version + parameters + settings + upstream fingerprints + input file stamps
 *     2. same fingerprint as the manifest on disk, and inputs ≤ 256 MB still have the recorded SHA-256
 *        → [fresh], nothing runs
 *     3. otherwise run into NN-stage.tmp-PID/, write manifest.json last, rename into place
 *
 * IO effects (stdout/stderr writers, progress) are injected so tests can capture them.
 */
import { join } from 'node:path';
import { hashString } from '../../analyses/random/rng';
import { StageError, UserError } from '../errors';
import { sha256File } from '../io/hash';
import { redactDeep } from '../io/redact';
import { changedContent, stampFiles, stageFingerprint } from './fingerprint';
import { resolvePlan, type RunPlan } from './plan';
import { createProgress } from './progress';
import type { StageRegistry } from './registry';
import type { StageContext, StageInput, StageManifest } from './stage';
import { cleanInterrupted, commitFolder, createTempFolder, ensureRunFolder, listOutputs, readManifest } from './stage-folder';
import { stageInput, stageOutput } from './stage-io';

/** Where the runner writes: results to `out` (stdout), logs and status to `err` (stderr). */
export interface RunEffects {
  out(line: string): void;
  err(line: string): void;
  progress: boolean;
}

/** How to run a plan. */
export interface RunOptions {
  runDir: string;
  codeVersion: string;
  packageVersion: string;
  versions: Record<string, string>;
  /** Re-run every stage. */
  force?: boolean;
  /** Re-run only this stage; every other stage must already have outputs. */
  only?: string;
  /** Re-run this stage and every stage after it. */
  from?: string;
  /** Re-hash every input file to judge freshness, not only those up to 256 MB. */
  verifyInputs?: boolean;
  effects: RunEffects;
}

/** What happened to one stage. */
export interface StageOutcome {
  stage: string;
  status: 'fresh' | 'ran' | 'reused';
  dir: string;
  manifest: StageManifest;
}

/** Runs the plan; returns what happened to each stage, in execution order. */
export async function runPipeline(plan: RunPlan, registry: StageRegistry, options: RunOptions): Promise<StageOutcome[]> {
  const stages = resolvePlan(plan, registry);
  const names = stages.map((stage) => stage.definition.name);
  for (const flag of ['only', 'from'] as const) {
    const target = options[flag];
    if (target && !names.includes(target)) {
      registry.get(target);
      throw new UserError(`--${flag} ${target}: that stage is not part of this run (${names.join(', ')}).`);
    }
  }
  await ensureRunFolder(options.runDir);
  const cleaned = await cleanInterrupted(options.runDir);
  if (cleaned.length > 0) options.effects.err(`removed leftovers of an interrupted run: ${cleaned.join(', ')}`);

  const fromIndex = options.from ? names.indexOf(options.from) : -1;
  const neededByOnly = options.only ? upstreamClosure(options.only, stages) : undefined;
  const outcomes = new Map<string, StageOutcome>();
  for (const [index, { definition, params, upstream }] of stages.entries()) {
    const name = definition.name;
    // With --only, stages that the chosen stage does not read from are left as they are.
    if (options.only && options.only !== name && !neededByOnly!.has(name)) continue;
    const dir = join(options.runDir, registry.folder(name));
    const existing = await readManifest(dir);
    const upstreamManifests = upstream.map((input) => outcomes.get(input)!.manifest);

    if (options.only && options.only !== name) {
      if (!existing) {
        throw new UserError(
          `--only ${options.only} needs the outputs of stage "${name}", but ${dir} holds none.`,
          'Run the whole pipeline once without --only first.',
        );
      }
      outcomes.set(name, { stage: name, status: 'reused', dir, manifest: existing });
      continue;
    }

    const externalPaths = definition.externalFiles?.(params) ?? [];
    const stamps = await stampFiles(externalPaths, name);
    const fingerprint = stageFingerprint({
      stage: name,
      codeVersion: options.codeVersion,
      packageVersion: options.packageVersion,
      params,
      settings: plan.settings,
      upstream: upstreamManifests.map((m) => ({ stage: m.stage, fingerprint: m.fingerprint })),
      files: stamps,
    });
    const forced = options.force || options.only === name || (fromIndex !== -1 && index >= fromIndex);
    const changed = !forced && existing?.fingerprint === fingerprint ? await changedContent(existing.external_files, stamps, options.verifyInputs ?? false) : [];
    for (const path of changed) options.effects.err(`  ${name}: ${path} changed (same size and mtime, different SHA-256)`);
    if (!forced && existing?.fingerprint === fingerprint && changed.length === 0) {
      options.effects.err(`[fresh] ${registry.folder(name)}`);
      for (const line of existing.summary) options.effects.out(line);
      outcomes.set(name, { stage: name, status: 'fresh', dir, manifest: existing });
      continue;
    }

    options.effects.err(`[stale] ${registry.folder(name)}: running ${name}…`);
    const seed = hashString(`${plan.settings.seed}:${name}`);
    const inputs = new Map<string, StageInput>(
      upstream.map((input) => {
        const outcome = outcomes.get(input)!;
        return [input, stageInput(input, outcome.dir, outcome.manifest)];
      }),
    );
    const tempDir = await createTempFolder(dir);
    const started = new Date();
    const context: StageContext<unknown> = {
      name,
      params,
      settings: plan.settings,
      seed,
      externalFiles: stamps.map((stamp) => stamp.path),
      out: stageOutput(tempDir),
      log: {
        info: (message) => options.effects.err(`  ${name}: ${message}`),
        warn: (message) => options.effects.err(`  ${name}: warning: ${message}`),
      },
      progress: (label, total) => createProgress(`  ${name}: ${label}`, total, options.effects.progress),
      hasInput: (stage) => inputs.has(stage),
      input: (stage) => {
        const input = inputs.get(stage);
        if (!input) throw new StageError(`stage "${name}" asked for the outputs of "${stage}", which it does not declare as an input or is not in this run.`);
        return input;
      },
    };
    const result = await definition.run(context);
    const finished = new Date();
    const manifest: StageManifest = {
      stage: name,
      fingerprint,
      code_version: options.codeVersion,
      package_version: options.packageVersion,
      started_at: started.toISOString(),
      finished_at: finished.toISOString(),
      duration_ms: finished.getTime() - started.getTime(),
      params,
      seed,
      settings: plan.settings,
      inputs: upstreamManifests.map((m) => ({ stage: m.stage, fingerprint: m.fingerprint })),
      external_files: await Promise.all(stamps.map(async (stamp) => ({ ...stamp, sha256: await sha256File(stamp.path) }))),
      versions: options.versions,
      counts: result.counts ?? {},
      summary: result.summary ?? [],
      details: result.details ?? {},
      outputs: await listOutputs(tempDir),
    };
    // Parameters may hold URLs with credentials (a judge or rollout endpoint): never persist them.
    await stageOutput(tempDir).json('manifest.json', redactDeep(manifest));
    await commitFolder(tempDir, dir);
    options.effects.err(`  ${name}: done in ${(manifest.duration_ms / 1000).toFixed(1)} s`);
    for (const line of manifest.summary) options.effects.out(line);
    outcomes.set(name, { stage: name, status: 'ran', dir, manifest });
  }
  return [...outcomes.values()];
}

// The stages a stage reads from, directly or through others.
function upstreamClosure(name: string, stages: ReturnType<typeof resolvePlan>): Set<string> {
  const byName = new Map(stages.map((stage) => [stage.definition.name, stage]));
  const closure = new Set<string>();
  const visit = (stage: string) => {
    for (const input of byName.get(stage)?.upstream ?? []) {
      if (!closure.has(input)) {
        closure.add(input);
        visit(input);
      }
    }
  };
  visit(name);
  return closure;
}
