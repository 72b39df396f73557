import { describe, expect, it } from 'vitest';
import { boundarySets, solvedAt, type TaskCounts } from '../../../analyses/passkt/boundary';
import { pairBoundaries } from '../../../analyses/passkt/boundary-table';
import { pairVerdicts } from '../../../analyses/passkt/verdict-table';
import type { Outcome } from '../../../analyses/passkt/outcomes';
import { createRng } from '../../../analyses/random/rng';

const counts = (entries: Record<string, [number, number]>): Map<string, TaskCounts> => new Map(Object.entries(entries).map(([task, [n, c]]) => [task, { n, c }]));

describe('boundary sets', () => {
  it('at k = n splits common tasks by "solved at least once"', () => {
    const rl = counts({ a: [8, 1], b: [8, 0], c: [8, 5], d: [8, 0], e: [8, 2], only_rl: [8, 3] });
    const base = counts({ a: [8, 0], b: [8, 2], c: [8, 8], d: [8, 0], e: [8, 0], only_base: [8, 1] });
    const sets = boundarySets(rl, base, 'n');
    expect(sets).toEqual({ k: 8, nMax: 8, onlyA: ['a', 'e'], onlyB: ['b'], both: ['c'], neither: ['d'], excluded: ['only_base', 'only_rl'] });
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

  it('at a numeric k excludes tasks with fewer than k episodes under either policy; null when nothing is comparable', () => {
    const sets = boundarySets(counts({ x: [8, 3], y: [4, 1] }), counts({ x: [8, 0], y: [8, 4] }), 6);
    expect(sets).toMatchObject({ k: 6, onlyA: ['x'], onlyB: [], both: [], neither: [], excluded: ['y'] });
    expect(boundarySets(counts({ x: [8, 3] }), counts({ y: [8, 3] }), 'n')).toBeNull();
    expect(boundarySets(counts({ x: [4, 3] }), counts({ x: [8, 3] }), 5)).toBeNull();
  });

  it('at k = n keeps the tasks with fewer episodes: 10 tasks at n = 64 and one at n = 65 give 5 : 0, not 0 : 0', () => {
    // the reported failure: rl solves 5 of 10 tasks (n = 64) that base never solves, plus a task with n = 65
    const rl = new Map<string, TaskCounts>();
    const base = new Map<string, TaskCounts>();
    for (let t = 0; t < 10; t++) {
      rl.set(`t${t}`, { n: 64, c: t < 5 ? 3 : 0 });
      base.set(`t${t}`, { n: 64, c: 0 });
    }
    rl.set('t10', { n: 65, c: 0 });
    base.set('t10', { n: 65, c: 0 });
    const sets = boundarySets(rl, base, 'n');
    expect(sets).toEqual({ k: 64, nMax: 65, onlyA: ['t0', 't1', 't2', 't3', 't4'], onlyB: [], both: [], neither: ['t10', 't5', 't6', 't7', 't8', 't9'], excluded: [] });
  });

  it('at k = n judges every task at its own n (solved = some episode correct), whatever n each policy has', () => {
    const rl = counts({ few: [3, 1], many: [200, 1], mid: [8, 0], uneven: [5, 0], lone: [4, 4] });
    const base = counts({ few: [10, 0], many: [50, 0], mid: [4, 2], uneven: [7, 0] });
    // many: pass@200 with c = 1 is 1 (n − c < k) but pass@50 of (200, 1) is 1/4: c > 0 decides, not pass@k >= 1/2
    expect(solvedAt(200, 1, 50)).toBe(false);
    const sets = boundarySets(rl, base, 'n');
    // k: the smallest n of either policy on a compared task (few: 3); nMax the largest (many: 200)
    expect(sets).toEqual({ k: 3, nMax: 200, onlyA: ['few', 'many'], onlyB: ['mid'], both: [], neither: ['uneven'], excluded: ['lone'] });
  });

  it('feeds the verdict: the failing input tabulates 5 : 0 at k = 64 and decides on it', () => {
    const outcomes: Outcome[] = [];
    const add = (policy: string, task: string, n: number, c: number) => outcomes.push({ policy, task, family: 'bridge', budget: 3, mode: 'capped', n, c });
    for (let t = 0; t < 10; t++) {
      add('rl', `t${t}`, 64, t < 5 ? 3 : 0);
      add('base', `t${t}`, 64, 0);
    }
    add('rl', 't10', 65, 0);
    add('base', 't10', 65, 0);
    // 7 tasks both solve, with n = 64 and 65, so the verdict has a shared set too
    for (let t = 11; t < 18; t++) {
      add('rl', `t${t}`, t % 2 === 0 ? 64 : 65, 60);
      add('base', `t${t}`, t % 2 === 0 ? 65 : 64, 20);
    }
    const boundaries = pairBoundaries(outcomes, [{ a: 'rl', b: 'base' }], [1, 63, 64, 65]);
    // extra rows only below the k = n row's k (64), which stays the largest k of the pair
    expect(boundaries.map((row) => [row.k, row.atN])).toEqual([[64, true], [1, false], [63, false]]);
    const atN = boundaries[0];
    expect(atN).toMatchObject({ k: 64, nMax: 65, excluded: [] });
    expect([atN?.onlyA.length, atN?.onlyB.length, atN?.both.length, atN?.neither.length]).toEqual([5, 0, 7, 6]);
    expect(atN?.pValue).toBeCloseTo(2 / 32, 14);
    // the verdict reads boundary.csv's p_holm, Holm over the 3 boundary rows: k = 1 (7 : 0, p = 2/128)
    // ranks first, so k = 64 and k = 63 (2/32 each) get max(3 · 2/128, 2 · 2/32) = 1/8
    expect(boundaries.map((row) => row.pValue)).toEqual([2 / 32, 2 / 128, 2 / 32]);
    const [verdict] = pairVerdicts(outcomes, boundaries, { resamples: 200, level: 0.95, alpha: 0.2, minSharedTasks: 5, permutations: 999, rng: createRng(3) }).rows;
    expect(verdict?.pAdjusted).toBeCloseTo(1 / 8, 14);
    expect(verdict).toMatchObject({ k: 64, onlyA: 5, onlyB: 0, both: 7, neither: 6, sharedTasks: 7, verdict: 'expansion' });
    // pass@1 on the shared tasks: 60/n − 20/n' per task
    const expected = [11, 12, 13, 14, 15, 16, 17].reduce((sum, t) => sum + (t % 2 === 0 ? 60 / 64 - 20 / 65 : 60 / 65 - 20 / 64), 0) / 7;
    expect(verdict?.sharedPass1Diff).toBeCloseTo(expected, 12);
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
    const rows = pairBoundaries(outcomes, [{ a: 'rl', b: 'base' }], [1]);
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
