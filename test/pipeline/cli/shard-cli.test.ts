import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../pipeline/cli/main';
import { StageRegistry } from '../../../pipeline/runner/registry';
import { boundaryStage } from '../../../pipeline/stages/boundary/stage';
import { ingestStage } from '../../../pipeline/stages/ingest/stage';
import { labelStage } from '../../../pipeline/stages/label/stage';
import { mergeStage } from '../../../pipeline/stages/merge/stage';
import { passktStage } from '../../../pipeline/stages/passkt/stage';
import { statsStage } from '../../../pipeline/stages/stats/stage';
import { tempDir } from '../../helpers/run-stages';
import { writeShardFixture } from '../../helpers/shard-fixture';

const registry = new StageRegistry([ingestStage, passktStage, boundaryStage, labelStage, statsStage, mergeStage]);

async function cli(args: string[]): Promise<string[]> {
  const out: string[] = [];
  await buildProgram(registry, { out: (line) => out.push(line), err: () => {}, progress: false }).parseAsync(['pipeline', '--resamples', '30', ...args], { from: 'user' });
  return out;
}

const file = (runDir: string, stage: string, name: string) => readFileSync(join(runDir, readdirSync(runDir).find((entry) => entry.endsWith(`-${stage}`))!, name), 'utf8');

describe('pipeline --shard i/N … then --merge (command line, in process)', () => {
  it('plans the shard and merge runs and reproduces the unsharded passkt and boundary files', async () => {
    const dir = tempDir('shard-cli-');
    const fixture = writeShardFixture(dir, 21);
    const inputs = ['--tasks', fixture.tasks, '--trajectories', fixture.trajectories];
    await cli([...inputs, '--run-dir', join(dir, 'whole')]);
    for (const index of [0, 1]) {
      const out = await cli([...inputs, '--shard', `${index}/2`, '--skip', 'label', '--run-dir', join(dir, `shard-${index}`)]);
      expect(out.some((line) => line.startsWith(`stats: shard ${index}/2:`))).toBe(true);
      expect(readdirSync(join(dir, `shard-${index}`)).filter((entry) => /^\d+-/.test(entry)).sort()).toEqual(['01-ingest', '05-stats']);
    }
    const merged = await cli(['--merge', join(dir, 'shard-1'), join(dir, 'shard-0'), '--run-dir', join(dir, 'merged')]);
    expect(merged[0]).toMatch(/^merge: 2 shards of 2: read \d+, accepted \d+, rejected 4/);
    // label runs in a merge run too; the shards skipped it, so it says so and writes no table
    expect(readdirSync(join(dir, 'merged')).filter((entry) => /^\d+-/.test(entry)).sort()).toEqual(['02-passkt', '03-boundary', '04-label', '06-merge']);
    expect(merged).toContain('label: the shards ran without the label stage: no label tables (run the shards without --skip label)');
    for (const name of ['passkt.csv', 'passkt_diff.csv', 'saturation.csv']) expect(file(join(dir, 'merged'), 'passkt', name), name).toBe(file(join(dir, 'whole'), 'passkt', name));
    expect(file(join(dir, 'merged'), 'boundary', 'verdict.csv')).toBe(file(join(dir, 'whole'), 'boundary', 'verdict.csv'));
  });
});
