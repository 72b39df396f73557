import { describe, expect, it } from 'vitest';
import { analysePass, type Curve } from '../../../analyses/passkt/curves';
import type { MarginalValue } from '../../../analyses/passkt/marginal';
import type { Outcome } from '../../../analyses/passkt/outcomes';
import { saturationDepth, saturationDepths } from '../../../analyses/passkt/saturation';
import { createRng } from '../../../analyses/random/rng';

/** The steps Δ_T of a PASS sequence over the grid. */
const steps = (pass: number[]): number[] => pass.slice(1).map((value, i) => value - (pass[i] as number));

describe('saturation depth T*', () => {
  const grid = [0, 1, 2, 3, 5];
  it('is the smallest budget after which every further step gains less than the threshold', () => {
    expect(saturationDepth(grid, steps([0.1, 0.3, 0.4, 0.405, 0.41]), 0.01)).toBe(2);
    expect(saturationDepth(grid, steps([0.1, 0.3, 0.4, 0.5, 0.6]), 0.01)).toBeNull();
    expect(saturationDepth(grid, steps([0.4, 0.4, 0.4, 0.4, 0.4]), 0.01)).toBe(0);
    // a late gain resets saturation: 1 → 2 adds nothing, but 3 → 5 adds 0.05
    expect(saturationDepth(grid, steps([0.1, 0.3, 0.3, 0.3, 0.35]), 0.01)).toBeNull();
    expect(saturationDepth(grid, steps([0.1, 0.3, 0.3, 0.35, 0.355]), 0.01)).toBe(3);
    // a loss counts as below the threshold
    expect(saturationDepth(grid, steps([0.1, 0.5, 0.45, 0.46, 0.4]), 0.02)).toBe(1);
    // a step of exactly the threshold is not below it
    expect(saturationDepth([0, 1], [0.25], 0.25)).toBeNull();
    expect(saturationDepth([3], [], 0.01)).toBeNull();
    // one step per pair of consecutive budgets, or no answer
    expect(saturationDepth([0, 1, 2], [0], 0.01)).toBeNull();
  });

  it('is tabulated per policy, family, mode and k over the numeric budgets, from the Δ_T rows', () => {
    const curve = (budget: number | 'all', pass: number[]): Curve => {
      const values = Float64Array.from(pass);
      return { policy: 'base', family: 'bridge', budget, mode: 'capped', kMax: pass.length, tasks: new Int32Array(pass.length), pass: values, passLow: values, passHigh: values, passhat: values, passhatLow: values, passhatHigh: values, replicates: new Float64Array(0) };
    };
    const step = (from: number, to: number, k: number, delta: number): MarginalValue => ({ policy: 'base', family: 'bridge', mode: 'capped', kind: 'T', kFrom: k, kTo: k, budgetFrom: from, budgetTo: to, delta, ciLow: NaN, ciHigh: NaN, tasks: 1 });
    const curves = [curve(0, [0.1, 0.2]), curve(2, [0.3, 0.5]), curve(5, [0.305, 0.6]), curve('all', [0.9, 0.9])];
    const marginal = [step(0, 2, 1, 0.2), step(0, 2, 2, 0.3), step(2, 5, 1, 0.005), step(2, 5, 2, 0.1)];
    const rows = saturationDepths(curves, marginal, 0.01);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ k: 1, tStar: 2, maxBudget: 5, passAtMax: 0.305, passAtTStar: 0.3 });
    expect(rows[1]).toMatchObject({ k: 2, tStar: null, passAtMax: 0.6 });
    expect(rows[1]?.passAtTStar).toBeNaN();
    // a k without a Δ_T at every step has no row
    expect(saturationDepths(curves, marginal.slice(0, 3), 0.01).map((row) => row.k)).toEqual([1]);
  });

  it('is not fooled by a task that is present at one budget only', () => {
    // T = 1: A always solved, B never; T = 3 and 5: only A. The curve points jump 0.5 → 1 → 1, but per task
    // nothing changes: saturated from the first budget.
    const outcome = (task: string, c: number, budget: number): Outcome => ({ policy: 'rl', task, family: 'bridge', budget, mode: 'capped', n: 4, c });
    const analysis = analysePass([outcome('A', 4, 1), outcome('B', 0, 1), outcome('A', 4, 3), outcome('A', 4, 5)], [], { resamples: 0, level: 0.95, rng: createRng(1) });
    const rows = saturationDepths(analysis.curves, analysis.marginal, 0.01);
    expect(rows.map((row) => [row.k, row.tStar, row.passAtTStar])).toEqual([[1, 1, 0.5], [2, 1, 0.5], [3, 1, 0.5], [4, 1, 0.5]]);
  });
});

describe('the bootstrap interval of T*', () => {
  it('is the order-statistic interval of T* recomputed in every resample from its Δ_T replicates', () => {
    // 30 tasks at T = 0, 1, 2: a real gain 0 → 1 and a small, noisy one 1 → 2
    const rng = createRng(8);
    const outcomes: Outcome[] = [];
    for (let t = 0; t < 30; t++) {
      const task = `t${String(t).padStart(2, '0')}`;
      const c0 = rng.int(3);
      const c1 = 3 + rng.int(4);
      outcomes.push({ policy: 'rl', task, family: 'bridge', budget: 0, mode: 'capped', n: 8, c: c0 });
      outcomes.push({ policy: 'rl', task, family: 'bridge', budget: 1, mode: 'capped', n: 8, c: c1 });
      outcomes.push({ policy: 'rl', task, family: 'bridge', budget: 2, mode: 'capped', n: 8, c: Math.min(8, c1 + (rng.next() < 0.3 ? 1 : 0)) });
    }
    const analysis = analysePass(outcomes, [], { resamples: 400, level: 0.9, rng: createRng(2) });
    const rows = saturationDepths(analysis.curves, analysis.marginal, 0.01, { stepReplicates: analysis.stepReplicates, level: 0.9 });
    for (const row of rows) {
      // independent recomputation: T* of every resample from the two step matrices
      const first = analysis.stepReplicates.get(`bridge\u0000rl\u0000capped\u00000`)!;
      const second = analysis.stepReplicates.get(`bridge\u0000rl\u0000capped\u00001`)!;
      const depths: number[] = [];
      for (let r = 0; r < 400; r++) {
        const d0 = first.replicates[r * first.kMax + row.k - 1]!;
        const d1 = second.replicates[r * second.kMax + row.k - 1]!;
        depths.push(d1 >= 0.01 ? Infinity : d0 >= 0.01 ? 1 : 0);
      }
      depths.sort((x, y) => (x === y ? 0 : x < y ? -1 : 1));
      expect([row.tStarLow, row.tStarHigh]).toEqual([depths[Math.floor(399 * 0.05)], depths[Math.ceil(399 * 0.95)]]);
    }
    // the point estimate lies in its interval, and at k = 1 the small second step makes "not reached" plausible
    const k1 = rows.find((row) => row.k === 1)!;
    expect(k1.tStarLow).toBeLessThanOrEqual(k1.tStar ?? Infinity);
    expect(k1.tStarHigh).toBeGreaterThanOrEqual(k1.tStar ?? Infinity);
  });
});
