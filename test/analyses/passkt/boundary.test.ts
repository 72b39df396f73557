import { describe, expect, it } from 'vitest';
import { boundarySets, solvedAt, type TaskCounts } from '../../../analyses/passkt/boundary';
import { boundaryTable } from '../../../analyses/passkt/boundary-table';
import type { Outcome } from '../../../analyses/passkt/outcomes';

const counts = (entries: Record<string, [number, number]>): Map<string, TaskCounts> => new Map(Object.entries(entries).map(([task, [n, c]]) => [task, { n, c }]));

describe('boundary sets', () => {
  it('at k = n splits common tasks by "solved at least once"', () => {
    const rl = counts({ a: [8, 1], b: [8, 0], c: [8, 5], d: [8, 0], e: [8, 2], only_rl: [8, 3] });
    const base = counts({ a: [8, 0], b: [8, 2], c: [8, 8], d: [8, 0], e: [8, 0], only_base: [8, 1] });
    const sets = boundarySets(rl, base, 'n');
    expect(sets).toEqual({ k: 8, onlyA: ['a', 'e'], onlyB: ['b'], both: ['c'], neither: ['d'], excluded: ['only_base', 'only_rl'] });
  });

  it('at a smaller k counts a task as solved when its pass@k is at least 1/2', () => {
    // n = 8: pass@2 with c = 1 is 0.25, c = 2 is 1 − C(6,2)/C(8,2) = 13/28 < 1/2, c = 3 is 1 − C(5,2)/C(8,2) = 9/14
    expect(solvedAt(8, 1, 2)).toBe(false);
    expect(solvedAt(8, 2, 2)).toBe(false);
    expect(solvedAt(8, 3, 2)).toBe(true);
    expect(solvedAt(8, 1, 8)).toBe(true);
    expect(solvedAt(8, 0, 8)).toBe(false);
    const sets = boundarySets(counts({ x: [8, 3], y: [8, 1] }), counts({ x: [8, 1], y: [8, 4] }), 2);
    expect(sets).toMatchObject({ k: 2, onlyA: ['x'], onlyB: ['y'], both: [], neither: [] });
  });

  it('excludes tasks with fewer than k episodes under either policy, and returns null when nothing is comparable', () => {
    const sets = boundarySets(counts({ x: [8, 3], y: [4, 1] }), counts({ x: [8, 0], y: [8, 4] }), 'n');
    expect(sets).toMatchObject({ k: 8, onlyA: ['x'], excluded: ['y'] });
    expect(boundarySets(counts({ x: [8, 3] }), counts({ y: [8, 3] }), 'n')).toBeNull();
  });

  it('tabulates every family, budget and pair with the McNemar p-value', () => {
    const outcomes: Outcome[] = [];
    const add = (policy: string, task: string, c: number, budget: number | 'all' = 5) => outcomes.push({ policy, task, family: 'bridge', budget, mode: 'capped', n: 4, c });
    // rl solves t1..t5 that base never does, base solves t6 that rl never does: 5:1
    for (let t = 1; t <= 6; t++) {
      add('rl', `t${t}`, t <= 5 ? 1 : 0);
      add('base', `t${t}`, t <= 5 ? 0 : 2);
    }
    add('rl', 't7', 4);
    add('base', 't7', 4);
    const rows = boundaryTable(outcomes, [{ a: 'rl', b: 'base' }], [1]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ family: 'bridge', budget: 5, a: 'rl', b: 'base', k: 4, atN: true });
    expect(rows[0]?.onlyA).toHaveLength(5);
    expect(rows[0]?.onlyB).toEqual(['t6']);
    expect(rows[0]?.both).toEqual(['t7']);
    expect(rows[0]?.pValue).toBeCloseTo(14 / 64, 14);
    // k = 1: pass@1 >= 1/2 only for t6 under base (2/4) and t7 under both
    expect(rows[1]).toMatchObject({ k: 1, onlyA: [], onlyB: ['t6'], both: ['t7'], atN: false });
  });
});
