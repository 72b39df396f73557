import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors';
import type { StageRegistry } from '../runner/registry';
import { readManifest } from '../runner/stage-folder';
import { stageInput } from '../runner/stage-io';

/** The text `inspect` with no stage prints: every stage, whether this run has its outputs, and what it shows. */
export function listStages(registry: StageRegistry, runDir: string): string {
  const rows = registry.all().map((stage) => {
    const folder = registry.folder(stage.name);
    return [stage.name, existsSync(join(runDir, folder, 'manifest.json')) ? folder : '—', stage.description];
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
