import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../../../pipeline/errors';
import type { RunPlan } from '../../../pipeline/runner/plan';
import { runStages, tempDir } from '../../helpers/run-stages';
import { defineTestStage } from '../../helpers/test-stage';

const calls: string[] = [];
const source = defineTestStage({
  name: 'source',
  description: 'writes numbers',
  inputs: [],
  params: z.object({ count: z.number().int().default(3), fail: z.boolean().default(false) }),
  async run(ctx) {
    calls.push('source');
    const writer = ctx.out.jsonl('numbers.jsonl');
    for (let i = 0; i < ctx.params.count; i++) await writer.write({ i });
    await writer.close();
    if (ctx.params.fail) throw new Error('boom after writing');
    return { counts: { numbers: ctx.params.count }, summary: [`source: ${ctx.params.count} numbers`] };
  },
});
const sum = defineTestStage({
  name: 'sum',
  description: 'adds them',
  inputs: ['source'],
  params: z.object({}),
  async run(ctx) {
    calls.push('sum');
    let total = 0;
    for await (const row of ctx.input('source').jsonl<{ i: number }>('numbers.jsonl')) total += row.i;
    await ctx.out.csv('sum.csv', ['total'], [{ total }]);
    return { summary: [`sum: ${total}`] };
  },
});
const plan = (count = 3, fail = false): RunPlan => ({
  stages: [{ name: 'sum', params: {} }, { name: 'source', params: { count, fail } }],
  settings: { seed: 1, strict: false },
});

describe('runner', () => {
  it('orders by inputs, writes NN-stage folders with manifests, and is fresh on a second run', async () => {
    const dir = tempDir();
    calls.length = 0;
    const first = await runStages([source, sum], plan(), dir);
    expect(calls).toEqual(['source', 'sum']);
    expect(first.captured.out).toEqual(['source: 3 numbers', 'sum: 3']);
    expect(readdirSync(dir).sort()).toEqual(['01-source', '02-sum']);
    const manifest = JSON.parse(readFileSync(join(dir, '02-sum', 'manifest.json'), 'utf8'));
    expect(manifest.inputs[0].stage).toBe('source');
    expect(manifest.outputs).toEqual([{ file: 'sum.csv', bytes: 8 }]);

    calls.length = 0;
    const second = await runStages([source, sum], plan(), dir);
    expect(calls).toEqual([]);
    expect(second.outcomes.map((o) => o.status)).toEqual(['fresh', 'fresh']);
    expect(second.captured.err.filter((l) => l.startsWith('[fresh]'))).toHaveLength(2);
    expect(second.captured.out).toEqual(first.captured.out);
  });

  it('re-runs a stage and its dependants when a parameter or the code changes', async () => {
    const dir = tempDir();
    await runStages([source, sum], plan(), dir);
    calls.length = 0;
    await runStages([source, sum], plan(4), dir);
    expect(calls).toEqual(['source', 'sum']);
    expect(readFileSync(join(dir, '02-sum', 'sum.csv'), 'utf8')).toBe('total\n6\n');
    calls.length = 0;
    await runStages([source, sum], plan(4), dir, { codeVersion: 'changed' });
    expect(calls).toEqual(['source', 'sum']);
  });

  it('--only, --from and --force choose what re-runs', async () => {
    const dir = tempDir();
    await runStages([source, sum], plan(), dir);
    calls.length = 0;
    await runStages([source, sum], plan(), dir, { only: 'sum' });
    expect(calls).toEqual(['sum']);
    calls.length = 0;
    await runStages([source, sum], plan(), dir, { from: 'source' });
    expect(calls).toEqual(['source', 'sum']);
    calls.length = 0;
    await runStages([source, sum], plan(), dir, { force: true });
    expect(calls).toEqual(['source', 'sum']);
  });

  it('a stage that throws leaves the previous output intact and no folder that looks complete', async () => {
    const dir = tempDir();
    await runStages([source, sum], plan(3), dir);
    const before = readFileSync(join(dir, '01-source', 'numbers.jsonl'), 'utf8');
    await expect(runStages([source, sum], plan(5, true), dir)).rejects.toThrow('boom after writing');
    expect(readFileSync(join(dir, '01-source', 'numbers.jsonl'), 'utf8')).toBe(before);
    // The temporary folder of the failed attempt is cleaned by the next run.
    const again = await runStages([source, sum], plan(3), dir);
    expect(again.outcomes.map((o) => o.status)).toEqual(['fresh', 'fresh']);
    expect(readdirSync(dir).sort()).toEqual(['01-source', '02-sum']);
  });

  it('refuses unknown parameters and missing inputs with a ConfigError', async () => {
    const dir = tempDir();
    await expect(
      runStages([source, sum], { stages: [{ name: 'source', params: { cuont: 3 } }], settings: { seed: 1, strict: false } }, dir),
    ).rejects.toThrow(/no parameter "cuont".*/);
    await expect(
      runStages([source, sum], { stages: [{ name: 'sum', params: {} }], settings: { seed: 1, strict: false } }, dir),
    ).rejects.toBeInstanceOf(ConfigError);
    expect(existsSync(join(dir, '02-sum'))).toBe(false);
  });
});

describe('runner --only', () => {
  it('leaves downstream stages alone and does not require their outputs', async () => {
    const dir = tempDir();
    calls.length = 0;
    const { outcomes } = await runStages([source, sum], plan(), dir, { only: 'source' });
    expect(calls).toEqual(['source']);
    expect(outcomes.map((o) => o.stage)).toEqual(['source']);
  });
});
