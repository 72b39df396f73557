import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, UserError } from '../errors';
import type { StageRegistry } from '../runner/registry';
import { readManifest } from '../runner/stage-folder';
import type { StageView } from '../runner/stage';
import { stageInput } from '../runner/stage-io';

/** The text `inspect` with no stage prints: every stage, whether this run has its outputs, and what it shows. */
export function listStages(registry: StageRegistry, runDir: string): string {
  const rows = registry.all().flatMap((stage) => {
    const folder = registry.folder(stage.name);
    const output = existsSync(join(runDir, folder, 'manifest.json')) ? folder : '—';
    // a view a stage declares (e.g. `power` of boundary) is listed after it, from the same folder
    const views = Object.entries(stage.views ?? {}).map(([name, view]) => [name, output, `${view.description} (from ${stage.name})`]);
    return [[stage.name, output, stage.description], ...views];
  });
  const width = (i: number) => Math.max(...rows.map((row) => row[i]!.length), i === 0 ? 5 : 6);
  const line = (row: readonly string[]) => `${row[0]!.padEnd(width(0))}  ${row[1]!.padEnd(width(1))}  ${row[2]}`;
  return [
    `Stages of the pipeline, in data-flow order; run folder ${runDir}:`,
    '',
    line(['stage', 'output', 'what `npm run inspect -- <stage>` shows']),
    ...rows.map(line),
    '',
    'Stages with an output folder ran in this run. Example: npm run inspect -- passkt',
  ].join('\n');
}


/** The stage that declares a view of this name (e.g. `power` of the boundary stage), if any. */
function viewOwner(registry: StageRegistry, name: string): { stage: string; view: StageView } | null {
  for (const stage of registry.all()) {
    const view = stage.views?.[name];
    if (view) return { stage: stage.name, view };
  }
  return null;
}

/**
 * The text `inspect <name>` prints: a stage's own summary (its manifest's when it has none), or a view
 * a stage declares under that name.
 */
export async function inspectStage(registry: StageRegistry, runDir: string, name: string): Promise<string> {
  const owner = registry.has(name) ? null : viewOwner(registry, name);
  if (!registry.has(name) && !owner) {
    const views = registry.all().flatMap((stage) => Object.keys(stage.views ?? {}));
    throw new ConfigError(`unknown stage "${name}".`, `Known stages: ${registry.names().join(', ')}.${views.length > 0 ? ` Other readings: ${views.join(', ')}.` : ''}`);
  }
  const stage = owner?.stage ?? name;
  const definition = registry.get(stage);
  const dir = join(runDir, registry.folder(stage));
  const manifest = await readManifest(dir);
  if (!manifest) {
    throw new UserError(`stage "${stage}" has no outputs in ${runDir}.`, 'Run `npm run pipeline` first (or pass the right --run-dir).');
  }
  const description = owner ? `${owner.view.description} (from the ${stage} stage)` : definition.description;
  const header = `${name} — ${description}\n${dir} (finished ${manifest.finished_at}, ${(manifest.duration_ms / 1000).toFixed(1)} s)`;
  const input = stageInput(stage, dir, manifest);
  const body = owner
    ? await owner.view.inspect(input)
    : definition.inspect
      ? await definition.inspect(input)
      : [...manifest.summary, '', JSON.stringify(manifest.counts, null, 2)].join('\n');
  return `${header}\n\n${body}`;
}
