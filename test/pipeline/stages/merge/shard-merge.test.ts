import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseCsv } from '../../../../pipeline/io/csv';
import type { RunPlan } from '../../../../pipeline/runner/plan';
import { boundaryStage } from '../../../../pipeline/stages/boundary/stage';
import { ingestStage } from '../../../../pipeline/stages/ingest/stage';
import { labelStage } from '../../../../pipeline/stages/label/stage';
import { mergeStage } from '../../../../pipeline/stages/merge/stage';
import { passktStage } from '../../../../pipeline/stages/passkt/stage';
import { statsStage } from '../../../../pipeline/stages/stats/stage';
import { runStages, tempDir } from '../../../helpers/run-stages';
import { writeShardFixture } from '../../../helpers/shard-fixture';
import { defineTestStage } from '../../../helpers/test-stage';

const SETTINGS = { seed: 11, strict: false };
const PASSKT = { resamples: 40 };
const LABEL = { resamples: 10 };
const STAGES = [ingestStage, labelStage, passktStage, boundaryStage, statsStage, mergeStage];

/** The files that must be byte-identical between one run and a merge of shards. */
const PASSKT_FILES = ['passkt.csv', 'passhatk.csv', 'passkt_diff.csv', 'marginal.csv', 'saturation.csv', 'crossover.csv', 'outcomes.jsonl'];
const BOUNDARY_FILES = ['boundary.csv', 'boundary_tasks.json', 'verdict.csv'];

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const body = (text: string) => text.split('\n').slice(1).join('\n');

async function run(stages: RunPlan['stages'], runDir: string) {
  const { outcomes, captured } = await runStages(STAGES, { stages, settings: SETTINGS }, runDir);
  const dirs = Object.fromEntries(outcomes.map((outcome) => [outcome.stage, outcome.dir]));
  return { dirs, outcomes, captured };
}

describe('--shard i/N runs merged with --merge equal one unsharded run', () => {
  it('writes byte-identical passkt, boundary, label-frequency and statistics files', async () => {
    const dir = tempDir('shard-merge-');
    const fixture = writeShardFixture(dir);
    const ingest = { tasks: fixture.tasks, trajectories: [fixture.trajectories] };

    const whole = await run(
      [
        { name: 'ingest', params: ingest },
        { name: 'label', params: LABEL },
        { name: 'passkt', params: PASSKT },
        { name: 'boundary', params: PASSKT },
        { name: 'stats', params: {} },
      ],
      join(dir, 'whole'),
    );
    const shardDirs = [0, 1, 2].map((index) => join(dir, `shard-${index}`));
    const shards = await Promise.all(
      shardDirs.map((runDir, index) =>
        run([{ name: 'ingest', params: { ...ingest, shard: { index, count: 3 } } }, { name: 'label', params: LABEL }, { name: 'stats', params: {} }], runDir),
      ),
    );
    // given out of order: the merge sorts shards by index
    const merged = await run(
      [
        { name: 'merge', params: { shards: [shardDirs[2], shardDirs[0], shardDirs[1]] } },
        { name: 'passkt', params: PASSKT },
        { name: 'boundary', params: PASSKT },
      ],
      join(dir, 'merged'),
    );

    // the input exercises what it should: rejects in several shards, mixed pairs, planted strategies
    const wholeCounts = whole.outcomes.find((o) => o.stage === 'ingest')!.manifest.counts;
    expect(wholeCounts).toMatchObject({ read: fixture.records, rejected: 4, tasks_rejected: 1 });
    const shardRejects = shards.map((shard) => shard.outcomes.find((o) => o.stage === 'ingest')!.manifest.counts.rejected);
    expect(shardRejects.filter((n) => n! > 0).length).toBeGreaterThan(1);
    expect(whole.outcomes.find((o) => o.stage === 'passkt')!.manifest.counts).toMatchObject({ mixed_pairs: 1 });
    expect(read(whole.dirs.label!, 'label_frequencies.csv')).toMatch(/,\d+,0\.\d+,\d+,0\.\d+\n/);

    for (const file of PASSKT_FILES) expect(read(merged.dirs.passkt!, file), file).toBe(read(whole.dirs.passkt!, file));
    for (const file of BOUNDARY_FILES) expect(read(merged.dirs.boundary!, file), file).toBe(read(whole.dirs.boundary!, file));
    expect(read(merged.dirs.merge!, 'label_frequencies.csv')).toBe(read(whole.dirs.label!, 'label_frequencies.csv'));
    // the statistics themselves: everything after the header line
    expect(body(read(merged.dirs.merge!, 'stats.jsonl'))).toBe(body(read(whole.dirs.stats!, 'stats.jsonl')));
    expect(merged.captured.out.filter((line) => line.startsWith('passkt:') || line.startsWith('boundary:'))).toEqual(
      whole.captured.out.filter((line) => line.startsWith('passkt:') || line.startsWith('boundary:')),
    );

    // record counts add up to the unsharded ingest summary
    const summary = JSON.parse(read(merged.dirs.merge!, 'summary.json')) as Record<string, unknown>;
    const wholeSummary = JSON.parse(read(whole.dirs.ingest!, 'summary.json')) as Record<string, unknown>;
    for (const key of ['read', 'accepted', 'rejected', 'rejected_by_source', 'matched_by_question', 'tasks', 'reject_reasons']) {
      expect(summary[key], key).toEqual(wholeSummary[key]);
    }

    // label counts: the merge of the unsharded run's statistics gives the same bytes, and they match a brute-force count
    const single = await run([{ name: 'merge', params: { shards: [join(dir, 'whole')] } }], join(dir, 'merged-whole'));
    const labelCounts = read(merged.dirs.merge!, 'label_counts.csv');
    expect(labelCounts).toBe(read(single.dirs.merge!, 'label_counts.csv'));
    const brute = new Map<string, [number, number]>();
    for (const row of parseCsv(read(whole.dirs.label!, 'labels.csv'))) {
      const key = [row.policy, row.family, row.budget, row.task, row.label].join('|');
      const entry = brute.get(key) ?? [0, 0];
      brute.set(key, [entry[0] + 1, entry[1] + (row.correct === 'true' ? 1 : 0)]);
    }
    const rows = parseCsv(labelCounts);
    expect(rows).toHaveLength(brute.size);
    for (const row of rows) expect([Number(row.episodes), Number(row.successes)]).toEqual(brute.get([row.policy, row.family, row.budget, row.task, row.label].join('|')));
  });

  it('unites task tables derived from the trajectories (no tasks file) and still equals one run', async () => {
    const dir = tempDir('shard-merge-derived-');
    const fixture = writeShardFixture(dir, 8);
    const ingest = { trajectories: [fixture.trajectories] };
    const whole = await run([{ name: 'ingest', params: ingest }, { name: 'passkt', params: PASSKT }, { name: 'stats', params: {} }], join(dir, 'whole'));
    const shardDirs = [0, 1, 2, 3].map((index) => join(dir, `shard-${index}`));
    await Promise.all(shardDirs.map((runDir, index) => run([{ name: 'ingest', params: { ...ingest, shard: { index, count: 4 } } }, { name: 'stats', params: {} }], runDir)));
    const merged = await run([{ name: 'merge', params: { shards: shardDirs } }, { name: 'passkt', params: PASSKT }], join(dir, 'merged'));
    for (const file of PASSKT_FILES) expect(read(merged.dirs.passkt!, file), file).toBe(read(whole.dirs.passkt!, file));
    expect(body(read(merged.dirs.merge!, 'stats.jsonl'))).toBe(body(read(whole.dirs.stats!, 'stats.jsonl')));
    const summary = JSON.parse(read(merged.dirs.merge!, 'summary.json')) as { tasks: unknown; rejected: number };
    const wholeSummary = JSON.parse(read(whole.dirs.ingest!, 'summary.json')) as { tasks: unknown; rejected: number };
    expect(summary.tasks).toEqual(wholeSummary.tasks);
    expect(summary.tasks).toMatchObject({ derived: true, accepted: 13 });
    expect(summary.rejected).toBe(wholeSummary.rejected);
  });

  it('counts the rejects of a source stage once, though every shard reads them', async () => {
    const dir = tempDir('shard-merge-source-');
    const fixture = writeShardFixture(dir, 5);
    // a stand-in import stage: canonical files plus two records its adapter rejected
    const source = defineTestStage({
      name: 'import',
      description: 'test source',
      inputs: [],
      params: z.object({}),
      async run(ctx) {
        copyFileSync(fixture.tasks, join(ctx.out.dir, 'tasks.jsonl'));
        copyFileSync(fixture.trajectories, join(ctx.out.dir, 'trajectories.jsonl'));
        const rejects = ctx.out.jsonl('rejects.jsonl');
        await rejects.write({ file: 'log.txt', line: 3, reason: 'no answer', category: 'adapter: no answer' });
        await rejects.write({ file: 'log.txt', line: 9, reason: 'no answer', category: 'adapter: no answer' });
        await rejects.close();
        return {};
      },
    });
    const runWith = async (stages: RunPlan['stages'], runDir: string) => {
      const { outcomes } = await runStages([source, ...STAGES], { stages, settings: SETTINGS }, runDir);
      return Object.fromEntries(outcomes.map((outcome) => [outcome.stage, outcome.dir]));
    };
    const whole = await runWith([{ name: 'import', params: {} }, { name: 'ingest', params: {} }, { name: 'passkt', params: PASSKT }], join(dir, 'whole'));
    const shardDirs = [0, 1].map((index) => join(dir, `shard-${index}`));
    for (const [index, runDir] of shardDirs.entries()) {
      await runWith([{ name: 'import', params: {} }, { name: 'ingest', params: { shard: { index, count: 2 } } }, { name: 'stats', params: {} }], runDir);
    }
    const merged = await runWith([{ name: 'merge', params: { shards: shardDirs } }, { name: 'passkt', params: PASSKT }], join(dir, 'merged'));
    const summary = JSON.parse(read(merged.merge!, 'summary.json')) as Record<string, unknown>;
    const wholeSummary = JSON.parse(read(whole.ingest!, 'summary.json')) as Record<string, unknown>;
    for (const key of ['read', 'accepted', 'rejected', 'rejected_by_source', 'tasks', 'reject_reasons']) expect(summary[key], key).toEqual(wholeSummary[key]);
    expect(summary).toMatchObject({ rejected_by_source: 2, rejected: 6 });
    expect((summary.reject_reasons as Record<string, number>)['adapter: no answer']).toBe(2);
    expect(read(merged.passkt!, 'passkt.csv')).toBe(read(whole.passkt!, 'passkt.csv'));
  });
});
