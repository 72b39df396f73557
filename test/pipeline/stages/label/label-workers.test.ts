import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestStage } from '../../../../pipeline/stages/ingest/stage';
import { labelStage } from '../../../../pipeline/stages/label/stage';
import { simulateStage } from '../../../../pipeline/stages/simulate/stage';
import { runStages, tempDir } from '../../../helpers/run-stages';

describe('label worker threads', () => {
  it('give byte-identical label outputs to the single-threaded path', async () => {
    const dir = tempDir();
    const run = async (workers: number) => {
      const { outcomes } = await runStages(
        [simulateStage, ingestStage, labelStage],
        {
          stages: [
            { name: 'simulate', params: { tasksPerFamily: 6, samples: 8, budgets: [1, 3] } },
            { name: 'ingest', params: { workers: 0 } },
            { name: 'label', params: { workers, resamples: 50 } },
          ],
          settings: { seed: 3, strict: false },
        },
        join(dir, `run-${workers}`),
      );
      const label = outcomes.find((o) => o.stage === 'label')!;
      expect(label.manifest.counts.episodes).toBe(3 * 18 * 2 * 8);
      return Object.fromEntries(readdirSync(label.dir).filter((f) => f !== 'manifest.json').map((f) => [f, readFileSync(join(label.dir, f))]));
    };
    const inline = await run(0);
    const threaded = await run(2);
    expect(Object.keys(threaded).sort()).toEqual(Object.keys(inline).sort());
    for (const [file, bytes] of Object.entries(inline)) expect(threaded[file]!.equals(bytes), file).toBe(true);
  });
});
