import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputFileError, UserError } from '../../../../pipeline/errors';
import { ingestStage } from '../../../../pipeline/stages/ingest/stage';
import { labelStage } from '../../../../pipeline/stages/label/stage';
import { mergeStage } from '../../../../pipeline/stages/merge/stage';
import { statsStage } from '../../../../pipeline/stages/stats/stage';
import { runStages, tempDir } from '../../../helpers/run-stages';
import { writeShardFixture } from '../../../helpers/shard-fixture';

const SETTINGS = { seed: 3, strict: false };
const STAGES = [ingestStage, labelStage, statsStage, mergeStage];

let dir = '';
/** stats.jsonl of shard i/3 (no labels), of shard 0/2, of a labeled shard 0/3, and of a merge. */
const stats: Record<string, string> = {};

async function shardRun(name: string, shard: { index: number; count: number }, label = false): Promise<string> {
  const fixture = { tasks: join(dir, 'tasks.jsonl'), trajectories: [join(dir, 'trajectories.jsonl')] };
  const stages = [{ name: 'ingest', params: { ...fixture, shard } }, ...(label ? [{ name: 'label', params: { resamples: 0 } }] : []), { name: 'stats', params: {} }];
  const { outcomes } = await runStages(STAGES, { stages, settings: SETTINGS }, join(dir, name));
  return join(outcomes.find((outcome) => outcome.stage === 'stats')!.dir, 'stats.jsonl');
}

async function merge(shards: string[]) {
  return runStages(STAGES, { stages: [{ name: 'merge', params: { shards } }], settings: SETTINGS }, join(dir, `merge-${Math.random().toString(36).slice(2)}`));
}

/** A copy of a stats file with one line changed. */
function edited(source: string, name: string, edit: (lines: string[]) => void): string {
  const lines = readFileSync(source, 'utf8').split('\n');
  edit(lines);
  const target = join(dir, name);
  writeFileSync(target, lines.join('\n'));
  return target;
}

beforeAll(async () => {
  dir = tempDir('merge-refusals-');
  writeShardFixture(dir);
  const runs = await Promise.all([
    shardRun('s0', { index: 0, count: 3 }),
    shardRun('s1', { index: 1, count: 3 }),
    shardRun('s2', { index: 2, count: 3 }),
    shardRun('half0', { index: 0, count: 2 }),
    shardRun('labeled0', { index: 0, count: 3 }, true),
  ]);
  [stats.s0, stats.s1, stats.s2, stats.half0, stats.labeled0] = runs;
  const { outcomes } = await merge([stats.s0!, stats.s1!, stats.s2!]);
  stats.merged = join(outcomes[0]!.dir, 'stats.jsonl');
});

describe('merge refuses what would not equal one run', () => {
  it('merges the complete set (the control), given as run folders', async () => {
    const { outcomes, captured } = await merge([join(dir, 's1'), join(dir, 's0'), join(dir, 's2')]);
    expect(outcomes[0]!.manifest.counts).toMatchObject({ shards: 3, accepted: 256, rejected: 4 });
    expect(captured.out[0]).toMatch(/^merge: 3 shards of 3: read 260, accepted 256, rejected 4/);
    expect(captured.out[1]).toBe('merge: no label counts (the shards ran without the label stage)');
  });

  it('refuses a missing shard, a shard given twice, and shards of different counts', async () => {
    await expect(merge([stats.s0!, stats.s1!])).rejects.toThrow(/cannot merge: shard 2\/3 is missing/);
    await expect(merge([stats.s0!, stats.s1!, stats.s2!, stats.s1!])).rejects.toThrow(/shard 1\/3 is given 2 times/);
    await expect(merge([stats.s0!, stats.s1!, stats.s2!, stats.half0!])).rejects.toThrow(/different shard counts: 2 \(.*\) vs 3/);
    await expect(merge([stats.s0!, stats.s1!])).rejects.toBeInstanceOf(UserError);
  });

  it('refuses different task tables, different inputs and different labeling', async () => {
    const otherTask = edited(stats.s1!, 'task.jsonl', (lines) => {
      lines[1] = lines[1]!.replace('Who is behind', 'Who is in front of');
    });
    await expect(merge([stats.s0!, otherTask, stats.s2!])).rejects.toThrow(/shard 1\/3 \(.*\) and shard 0\/3 \(.*\) have different task tables/);
    const otherFiles = edited(stats.s2!, 'files.jsonl', (lines) => {
      lines[0] = lines[0]!.replace(/"files":\["[0-9a-f]{6}/, '"files":["000000');
    });
    await expect(merge([stats.s0!, stats.s1!, otherFiles])).rejects.toThrow(/read different input files/);
    const otherTaskFile = edited(stats.s2!, 'taskcount.jsonl', (lines) => {
      lines[0] = lines[0]!.replace('"tasks":{"read":13', '"tasks":{"read":14');
    });
    await expect(merge([stats.s0!, stats.s1!, otherTaskFile])).rejects.toThrow(/have different task tables \(tasks read/);
    await expect(merge([stats.labeled0!, stats.s1!, stats.s2!])).rejects.toThrow(/shard 0\/3 \(.*\) ran the label stage and shard 1\/3 \(.*\) did not/);
  });

  it('refuses shards that ingested under different record limits (they reject different records)', async () => {
    const header = (path: string) => JSON.parse(readFileSync(path, 'utf8').split('\n')[0]!) as { inputs: Record<string, unknown> };
    expect(header(stats.s0!).inputs).toMatchObject({ max_line_bytes: expect.any(Number), max_depth: 1000, lenient_utf8: false });
    const deeper = edited(stats.s1!, 'depth.jsonl', (lines) => {
      lines[0] = lines[0]!.replace('"max_depth":1000', '"max_depth":50');
    });
    await expect(merge([stats.s0!, deeper, stats.s2!])).rejects.toThrow(/used different --max-depth limits/);
    const lenient = edited(stats.s2!, 'utf8.jsonl', (lines) => {
      lines[0] = lines[0]!.replace('"lenient_utf8":false', '"lenient_utf8":true');
    });
    await expect(merge([stats.s0!, stats.s1!, lenient])).rejects.toThrow(/differ in --lenient-utf8/);
  });

  it('refuses an episode id accepted by two shards, which one run would reject as a duplicate', async () => {
    const copyDir = join(dir, 'duplicates');
    mkdirSync(copyDir);
    const lines = readFileSync(join(dir, 'trajectories.jsonl'), 'utf8').split('\n').filter((line) => line.trim() !== '');
    const first = lines.find((line) => line.includes('"sample"'))!;
    const firstAt = lines.indexOf(first);
    // the repeat lands in the other shard of two: records alternate between shards 0 and 1
    const filler = lines.length % 2 === firstAt % 2 ? [JSON.stringify({ policy: 'sft', task: 'c3', sample: 99, budget: 1, steps: [] })] : [];
    writeFileSync(join(copyDir, 'trajectories.jsonl'), [...lines, ...filler, first, ''].join('\n'));
    const fixture = { tasks: join(dir, 'tasks.jsonl'), trajectories: [join(copyDir, 'trajectories.jsonl')] };
    const shards = await Promise.all(
      [0, 1].map(async (index) => {
        const stages = [{ name: 'ingest', params: { ...fixture, shard: { index, count: 2 } } }, { name: 'stats', params: {} }];
        const { outcomes } = await runStages(STAGES, { stages, settings: SETTINGS }, join(copyDir, `s${index}`));
        expect(outcomes[0]!.manifest.counts.rejected).toBeLessThanOrEqual(4);
        return join(outcomes.find((outcome) => outcome.stage === 'stats')!.dir, 'stats.jsonl');
      }),
    );
    await expect(merge(shards)).rejects.toThrow(/cannot merge: 1 episode id was accepted by more than one of the 2 shards/);
    await expect(merge(shards)).rejects.toBeInstanceOf(UserError);
    // one run over the same file rejects the repeat instead
    const { outcomes } = await runStages(STAGES, { stages: [{ name: 'ingest', params: fixture }], settings: SETTINGS }, join(copyDir, 'whole'));
    expect(readFileSync(join(outcomes[0]!.dir, 'rejects.jsonl'), 'utf8')).toMatch(/duplicate episode id/);
  });

  it('refuses merged statistics, broken lines and folders without statistics', async () => {
    await expect(merge([stats.merged!])).rejects.toThrow(/already merged/);
    const broken = edited(stats.s1!, 'broken.jsonl', (lines) => {
      const i = lines.findIndex((line) => line.includes('"kind":"outcome"'));
      lines[i] = lines[i]!.replace(/"uncapped_correct":\d+/, '"uncapped_correct":999');
    });
    await expect(merge([stats.s0!, broken, stats.s2!])).rejects.toThrow(/broken\.jsonl line \d+: not a valid outcome line \(uncapped_correct exceeds uncapped\)/);
    const empty = join(dir, 'empty-run');
    mkdirSync(empty);
    await expect(merge([stats.s0!, empty])).rejects.toThrow(InputFileError);
    await expect(merge([stats.s0!, empty])).rejects.toThrow(/holds no shard statistics/);
    const copy = join(dir, 'copy');
    mkdirSync(copy);
    copyFileSync(stats.s0!, join(copy, 'stats.jsonl'));
    await expect(merge([copy, join(dir, 's1'), join(dir, 's0')])).rejects.toThrow(/shard 0\/3 is given 2 times/);
  });
});
