import { join } from 'node:path';
import { UserError } from '../errors';
import type { StageRegistry } from '../runner/registry';
import { readManifest } from '../runner/stage-folder';
import { stageInput } from '../runner/stage-io';

/** The text `inspect <stage>` prints: the stage's own summary, or its manifest's when it has none. */
export async function inspectStage(registry: StageRegistry, runDir: string, name: string): Promise<string> {
  const definition = registry.get(name);
  const dir = join(runDir, registry.folder(name));
  const manifest = await readManifest(dir);
  if (!manifest) {
    throw new UserError(`stage "${name}" has no outputs in ${runDir}.`, 'Run `npm run pipeline` first (or pass the right --run-dir).');
  }
  const header = `${name} — ${definition.description}\n${dir} (finished ${manifest.finished_at}, ${(manifest.duration_ms / 1000).toFixed(1)} s)`;
  const body = definition.inspect
    ? await definition.inspect(stageInput(name, dir, manifest))
    : [...manifest.summary, '', JSON.stringify(manifest.counts, null, 2)].join('\n');
  return `${header}\n\n${body}`;
}
