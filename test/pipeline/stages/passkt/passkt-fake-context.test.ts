import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { stageOutput } from '../../../../pipeline/runner/stage-io';
import { tempDir } from '../../../helpers/run-stages';
import { CapturedOutput, fakeContext, fakeStageInput, runWithFakeContext } from '../../../helpers/fake-context';
import { defineTestStage } from '../../../helpers/test-stage';

// Tests of the shared fake-context helper itself (kept beside it; used by the passkt and boundary tests).
describe('fake-context helper', () => {
  it('serves fake upstream files by extension: JSONL records, CSV rows, JSON, raw text', async () => {
    const input = fakeStageInput('up', {
      'rows.jsonl': [{ a: 1 }, { a: 2 }],
      'table.csv': [{ x: 1, y: 'a,b' }],
      'explicit.csv': { columns: ['y', 'x'], rows: [{ x: 1, y: 2 }] },
      'data.json': [1, 2, 3],
      'notes.txt': 'hello',
      'raw.jsonl': '{"a":3}\n\n{"a":4}\n',
    });
    const rows: unknown[] = [];
    for await (const row of input.jsonl('rows.jsonl')) rows.push(row);
    for await (const row of input.jsonl('raw.jsonl')) rows.push(row);
    expect(rows).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }]);
    expect(await input.csv('table.csv')).toEqual([{ x: '1', y: 'a,b' }]);
    expect(await input.text('explicit.csv')).toBe('y,x\n2,1\n');
    expect(await input.json('data.json')).toEqual([1, 2, 3]);
    expect(await input.text('notes.txt')).toBe('hello');
    expect(input.has('notes.txt')).toBe(true);
    expect(input.has('missing.csv')).toBe(false);
    await expect(input.text('missing.csv')).rejects.toThrow(/no output "missing.csv"/);
    expect(input.manifest.stage).toBe('up');
  });

  it('reports bad JSONL with the stage, file and line', async () => {
    const input = fakeStageInput('up', { 'bad.jsonl': '{"a":1}\n{oops\n' });
    const read = async () => {
      for await (const _ of input.jsonl('bad.jsonl')) void _;
    };
    await expect(read()).rejects.toThrow(/up\/bad\.jsonl:2 is not valid JSON/);
  });

  it('captures outputs byte for byte as the runner writes them', async () => {
    const dir = tempDir('fake-context-');
    const real = stageOutput(dir);
    const fake = new CapturedOutput();
    const rows = [{ a: 1.5, b: 'x "quoted", y', c: null }, { a: NaN, b: 'plain', c: true }];
    for (const out of [real, fake]) {
      await out.csv('t.csv', ['a', 'b', 'c'], rows);
      await out.json('d.json', { nested: [1, { two: 2 }] });
      await out.text('n.txt', 'text\n');
      const writer = out.jsonl('r.jsonl');
      await writer.write({ k: 1 });
      await writer.write(['v']);
      await writer.close();
    }
    for (const file of ['t.csv', 'd.json', 'n.txt', 'r.jsonl']) expect(fake.content(file)).toBe(readFileSync(join(dir, file), 'utf8'));
    expect(fake.csvRows('t.csv')[0]).toEqual({ a: '1.5', b: 'x "quoted", y', c: '' });
    expect(fake.csvColumns('t.csv')).toEqual(['a', 'b', 'c']);
    expect(fake.jsonlRecords('r.jsonl')).toEqual([{ k: 1 }, ['v']]);
    expect(fake.jsonData('d.json')).toEqual({ nested: [1, { two: 2 }] });
    expect(fake.names()).toEqual(['d.json', 'n.txt', 'r.jsonl', 't.csv']);
    expect(fake.unclosed()).toEqual([]);
  });

  it('flags writes after close and unclosed writers', async () => {
    const out = new CapturedOutput();
    const closed = out.jsonl('a.jsonl');
    await closed.close();
    await expect(closed.write({})).rejects.toThrow(/after close/);
    out.jsonl('b.jsonl');
    expect(out.unclosed()).toEqual(['b.jsonl']);
    expect(() => out.content('c.csv')).toThrow(/wrote no "c.csv"/);
  });

  it('runs a stage: defaults from its schema, inputs, logs, progress, and outputs readable downstream', async () => {
    const stage = defineTestStage({
      name: 'double',
      description: 'doubles numbers',
      inputs: ['up'],
      params: z.object({ factor: z.number().default(2) }),
      async run(ctx) {
        const progress = ctx.progress('doubling', 2);
        const rows: { v: number }[] = [];
        for await (const row of ctx.input('up').jsonl<{ v: number }>('in.jsonl')) {
          rows.push({ v: row.v * ctx.params.factor + ctx.seed });
          progress.tick();
        }
        progress.stop();
        ctx.log.info(`doubled ${rows.length}`);
        await ctx.out.csv('out.csv', ['v'], rows);
        return { counts: { rows: rows.length }, summary: [`${ctx.name}: ${ctx.hasInput('up')}`] };
      },
    });
    const { result, output, record } = await runWithFakeContext(stage, { seed: 1, inputs: { up: { 'in.jsonl': [{ v: 1 }, { v: 5 }] } } });
    expect(output.csvRows('out.csv')).toEqual([{ v: '3' }, { v: '11' }]);
    expect(result).toEqual({ counts: { rows: 2 }, summary: ['double: true'] });
    expect(record.info).toEqual(['doubled 2']);
    expect(record.progress).toEqual([{ label: 'doubling', total: 2, ticks: 2, stopped: true }]);
    expect(record.inputsRead).toEqual(['up']);
    const downstream = output.asInput('double');
    expect(await downstream.csv('out.csv')).toEqual([{ v: '3' }, { v: '11' }]);
    await expect(runWithFakeContext(stage, { params: { factor: 'x' } })).rejects.toThrow();
    const { ctx } = fakeContext({ params: {} });
    expect(() => ctx.input('nowhere')).toThrow(/was not given/);
    expect(ctx.hasInput('nowhere')).toBe(false);
  });
});
