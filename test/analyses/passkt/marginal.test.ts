import { describe, expect, it } from 'vitest';
import type { Curve } from '../../../analyses/passkt/curves';
import { deltaK, deltaT, marginalValues } from '../../../analyses/passkt/marginal';

/** A hand-built curve with replicates: resample r shifts the whole curve by shifts[r]. */
function curve(budget: number | 'all', pass: number[], shifts: number[]): Curve {
  const kMax = pass.length;
  const replicates = new Float64Array(shifts.length * kMax);
  shifts.forEach((shift, r) => pass.forEach((value, k) => (replicates[r * kMax + k] = value + shift * (k + 1))));
  const empty = new Float64Array(kMax);
  return { policy: 'rl', family: 'bridge', budget, mode: 'capped', kMax, tasks: new Int32Array(kMax).fill(10), pass: Float64Array.from(pass), passLow: empty, passHigh: empty, passhat: empty, passhatLow: empty, passhatHigh: empty, replicates };
}

describe('marginal values', () => {
  it('Δ_k doubles k within the curve', () => {
    expect(deltaK([0.3, 0.5, 0.6, 0.7, 0.72, 0.74, 0.75, 0.8])).toEqual([
      { k: 1, delta: 0.5 - 0.3 },
      { k: 2, delta: 0.7 - 0.5 },
      { k: 3, delta: 0.74 - 0.6 },
      { k: 4, delta: 0.8 - 0.7 },
    ]);
    expect(deltaK([0.4])).toEqual([]);
  });

  it('Δ_T steps through consecutive budgets', () => {
    expect(deltaT([0, 1, 3], [0.1, 0.4, 0.45])).toEqual([
      { from: 0, to: 1, delta: 0.4 - 0.1 },
      { from: 1, to: 3, delta: 0.45 - 0.4 },
    ]);
  });

  it('computes every Δ_k and Δ_T with intervals from paired replicates', () => {
    const shifts = Array.from({ length: 101 }, (_, r) => (r - 50) / 1000);
    const t1 = curve(1, [0.2, 0.3, 0.35, 0.4], shifts);
    const t3 = curve(3, [0.3, 0.45, 0.5, 0.6], shifts);
    const all = curve('all', [0.35, 0.5, 0.55, 0.62], shifts);
    const rows = marginalValues([t3, all, t1], 0.95);
    const k1 = rows.find((row) => row.kind === 'k' && row.budgetFrom === 1 && row.kFrom === 1);
    expect(k1).toMatchObject({ kTo: 2, budgetTo: 1 });
    expect(k1?.delta).toBeCloseTo(0.1, 12);
    // replicate delta at k = 1 → 2 is 0.1 + shift: the 95% interval of shifts is ±0.0475
    expect(k1?.ciLow).toBeCloseTo(0.1 - 0.0475, 12);
    expect(k1?.ciHigh).toBeCloseTo(0.1 + 0.0475, 12);
    const stepT = rows.filter((row) => row.kind === 'T');
    // Δ_T only between numeric budgets (1 → 3), for every k; never into `all`
    expect(stepT.map((row) => [row.budgetFrom, row.budgetTo, row.kFrom])).toEqual([
      [1, 3, 1],
      [1, 3, 2],
      [1, 3, 3],
      [1, 3, 4],
    ]);
    expect(stepT[3]?.delta).toBeCloseTo(0.2, 12);
    // the same shift in both budgets cancels: a degenerate interval
    expect(stepT[3]?.ciLow).toBeCloseTo(0.2, 12);
    expect(stepT[3]?.ciHigh).toBeCloseTo(0.2, 12);
    expect(rows.filter((row) => row.kind === 'k')).toHaveLength(6);
  });
});
