import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaskSource, TaskSourceSchema, taskSourceFiles, usesBuiltInWorld } from '../../../pipeline/task-source/task-source';
import { loadSimulatorConfig } from '../../../pipeline/simulate/simulator-config';
import { generatedSource } from '../../../pipeline/simulate/simulation-source';
import { simulateStageSeed, stageRandom } from '../../../pipeline/simulate/stage-random';
import { tempDir } from '../../helpers/run-stages';

const simulator = loadSimulatorConfig();
const doc = { id: 'p1', title: 'Blue Harbor', text: 'Blue Harbor is a film directed by Mara Voss.' };
const task = (id: string, family: string, extra: Record<string, unknown> = {}) => ({ task: id, question: `Who directed ${id}?`, answers: ['Mara Voss'], family, docs: [doc], ...extra });

function tasksFile(rows: unknown[]): string {
  const path = join(tempDir(), 'tasks.jsonl');
  writeFileSync(path, rows.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))).join('\n'));
  return path;
}

const load = (spec: unknown) => loadTaskSource(TaskSourceSchema.parse(spec), simulator);

describe('task sources', () => {
  it('generates the simulate stage’s own tasks for the same run seed and size', async () => {
    const loaded = await load({ families: ['bridge'], perFamily: 5, seed: 42 });
    const stage = generatedSource(simulator, ['bridge'], 5, stageRandom(simulateStageSeed(42)).environment);
    expect(loaded.tasks.map((t) => t.row)).toEqual(stage.tasks.map((t) => t.row));
    expect(loaded.world).toBeDefined();
  });

  it('reads a FORMAT.md tasks file, at most perFamily per family, comparison tasks getting comparison plans', async () => {
    const path = tasksFile([task('a', 'bridge'), task('b', 'comparison'), task('c', 'bridge'), '', task('d', 'bridge')]);
    const loaded = await load({ file: path, perFamily: 2 });
    expect(loaded.tasks.map((t) => [t.row.task, t.plans])).toEqual([
      ['a', 'bridge'],
      ['b', 'comparison'],
      ['c', 'bridge'],
    ]);
    expect(taskSourceFiles(TaskSourceSchema.parse(path))).toEqual([path]);
    expect(usesBuiltInWorld(TaskSourceSchema.parse(path))).toBe(false);
  });

  it('puts a list of sources together: real questions plus the built-in control family', async () => {
    const spec = TaskSourceSchema.parse([{ file: tasksFile([task('a', 'bridge')]) }, { families: ['closed-book'], perFamily: 3 }]);
    const loaded = await loadTaskSource(spec, simulator);
    expect(loaded.tasks.map((t) => t.row.family)).toEqual(['bridge', 'closed-book', 'closed-book', 'closed-book']);
    expect(loaded.world).toBeDefined();
    expect(usesBuiltInWorld(spec)).toBe(true);
    await expect(load([tasksFile([task('x', 'bridge')]), tasksFile([task('x', 'bridge')])])).rejects.toThrow(/"x" appears in two sources/);
  });

  it('refuses tasks it cannot run, with the file, line and what to do', async () => {
    await expect(load(tasksFile([task('a', 'bridge', { docs: [] })]))).rejects.toThrow(/:1: task "a" has no "docs"/);
    await expect(load(tasksFile([task('a', 'bridge', { answers: undefined })]))).rejects.toThrow(/has no "answers"/);
    await expect(load(tasksFile([task('a', 'bridge'), task('a', 'bridge')]))).rejects.toThrow(/:2: task id "a" appears twice/);
    await expect(load(tasksFile(['{"task": ']))).rejects.toThrow(/:1 is not valid JSON/);
    await expect(load(join(tempDir(), 'none.jsonl'))).rejects.toThrow(/does not exist/);
    expect(() => TaskSourceSchema.parse({ file: 'x.jsonl', families: ['bridge'] })).toThrow(/built-in world only/);
  });
});
