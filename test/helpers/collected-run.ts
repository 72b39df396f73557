/** A collection from the simulator server (the collect stage over the built-in world) analysed by ingest and the given stages. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StageOutcome } from '../../pipeline/runner/run';
import type { StageInput } from '../../pipeline/runner/stage';
import { stageInput } from '../../pipeline/runner/stage-io';
import { STAGES } from '../../pipeline/stages/registry';
import type { Trajectory } from '../../pipeline/formats/trajectory';
import { runStages, tempDir } from './run-stages';

/** The shape of the collection: policies (all on `sim`), tasks per family, budgets, samples. */
export interface CollectedGrid {
  policies: string[];
  families: string[];
  perFamily: number;
  budgets: number[];
  samples: number;
  seed: number;
}

/** Runs collect → ingest → `stages` and returns the outcomes, a stage input reader and the collected trajectories. */
export async function collectedRun(grid: CollectedGrid, stages: { name: string; params: Record<string, unknown> }[]) {
  const dir = tempDir('experiments-');
  const configFile = join(dir, 'collect.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      policies: grid.policies.map((name) => ({ name, baseURL: 'sim', model: name })),
      tasks: { families: grid.families, perFamily: grid.perFamily, seed: 20260425 },
      budgets: grid.budgets,
      samples: grid.samples,
      seed: grid.seed,
      concurrency: 16,
    }),
  );
  const { outcomes, captured } = await runStages(
    [...STAGES],
    { stages: [{ name: 'collect', params: { config: configFile, out: join(dir, 'collection') } }, { name: 'ingest', params: {} }, ...stages], settings: { seed: grid.seed, strict: false } },
    join(dir, 'run'),
  );
  const input = (stage: string): StageInput => {
    const outcome = outcomes.find((o: StageOutcome) => o.stage === stage)!;
    return stageInput(stage, outcome.dir, outcome.manifest);
  };
  const trajectories = readFileSync(join(dir, 'collection', 'trajectories.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Trajectory);
  return { outcomes, captured, input, trajectories, dir };
}
