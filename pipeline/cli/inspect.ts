import { join } from 'node:path';
import { ConfigError, UserError } from '../errors';
import type { StageRegistry } from '../runner/registry';
import { readManifest } from '../runner/stage-folder';
import type { StageView } from '../runner/stage';
import { stageInput } from '../runner/stage-io';

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
