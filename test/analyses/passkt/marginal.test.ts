import { describe, expect, it } from 'vitest';
import { drawTaskWeights } from '../../../analyses/stats/task-bootstrap';
import { analysePass, type Curve, type PassAnalysis } from '../../../analyses/passkt/curves';
import { passAtK } from '../../../analyses/stats/pass-at-k';
import { doubledRow, type MarginalValue } from '../../../analyses/passkt/marginal';
import type { Outcome } from '../../../analyses/passkt/outcomes';
import { percentileInterval } from '../../../analyses/stats/percentile-interval';
import { createRng } from '../../../analyses/random/rng';

const outcome = (task: string, n: number, c: number, budget: number | 'all' = 5, policy = 'rl'): Outcome => ({ policy, task, family: 'bridge', budget, mode: 'capped', n, c });
const analyse = (outcomes: Outcome[], resamples = 0, seed = 1): PassAnalysis => analysePass(outcomes, [], { resamples, level: 0.95, rng: createRng(seed) });
const deltaK = (rows: readonly MarginalValue[], k: number, budget: number | 'all' = 5) => rows.find((row) => row.kind === 'k' && row.kFrom === k && row.budgetFrom === budget);
const deltaT = (rows: readonly MarginalValue[], k: number, from: number) => rows.find((row) => row.kind === 'T' && row.kFrom === k && row.budgetFrom === from);

/** Random tasks whose episode counts differ (so tasks drop out as k grows), with c ~ U{0..n}. */
function unevenTasks(seed: number, count: number): { task: string; n: number; c: number }[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, t) => {
    const n = 1 + rng.int(16);
    return { task: `t${String(t).padStart(2, '0')}`, n, c: rng.int(n + 1) };
  });
}

describe('Δ_k is paired per task', () => {
  it('the failing input: A (n = 64, c = 0) and B (n = 1, c = 1) give Δ_1 = 0 over task A, not −0.5', () => {
    const { curves, marginal } = analyse([outcome('A', 64, 0), outcome('B', 1, 1)], 200);
    const curve = curves[0] as Curve;
    // the curve points themselves are right (PASS@1 over A and B, PASS@2 over A alone) …
    expect(curve.pass[0]).toBe(0.5);
    expect(curve.pass[1]).toBe(0);
    // … but their difference would compare different tasks; the paired Δ_1 uses A only
    const d1 = deltaK(marginal, 1);
    expect(d1).toMatchObject({ kTo: 2, delta: 0, tasks: 1 });
    // one eligible task at 0 at both ends: every resample gives 0, so the interval is the one the
    // Clopper–Pearson bound of 0 of 1 task implies, [0, 1 − 0.025] (Δ_k is never negative)
    expect([d1?.ciLow, d1?.ciHigh]).toEqual([0, 1 - 0.025]);
    expect(marginal.filter((row) => row.kind === 'k')).toHaveLength(32);
  });

  it('equals the brute-force mean over the tasks with at least 2k episodes, never negative, with the matching task count', () => {
    for (const seed of [1, 2, 3]) {
      const tasks = unevenTasks(seed, 25);
      const { marginal } = analyse(tasks.map(({ task, n, c }) => outcome(task, n, c)), 100, seed);
      const rows = marginal.filter((row) => row.kind === 'k');
      const maxN = Math.max(...tasks.map((task) => task.n));
      expect(rows.map((row) => row.kFrom)).toEqual(Array.from({ length: Math.floor(maxN / 2) }, (_, i) => i + 1));
      for (const row of rows) {
        const eligible = tasks.filter((task) => task.n >= 2 * row.kFrom);
        const expected = eligible.reduce((sum, { n, c }) => sum + passAtK(n, c, 2 * row.kFrom) - passAtK(n, c, row.kFrom), 0) / eligible.length;
        expect(row.tasks).toBe(eligible.length);
        expect(row.delta).toBeCloseTo(expected, 12);
        // pass@k never decreases per task, so neither does a paired mean in any resample
        expect(row.delta).toBeGreaterThanOrEqual(-1e-12);
        expect(row.ciLow).toBeGreaterThanOrEqual(-1e-12);
      }
    }
  });

  it('takes its interval from the same task resamples, recomputed here weight by weight', () => {
    const tasks = unevenTasks(7, 12);
    const resamples = 300;
    const { marginal } = analyse(tasks.map(({ task, n, c }) => outcome(task, n, c)), resamples, 11);
    // the documented protocol: one multinomial weight vector per resample over the family's sorted tasks
    const rng = createRng(11).fork('family:bridge');
    const weights = new Float64Array(tasks.length);
    const draws: Float64Array[] = [];
    for (let r = 0; r < resamples; r++) {
      drawTaskWeights(rng, weights);
      draws.push(Float64Array.from(weights));
    }
    for (const k of [1, 2, 4]) {
      const replicates = Float64Array.from(draws, (w) => {
        let sum = 0;
        let total = 0;
        tasks.forEach(({ n, c }, i) => {
          if (n < 2 * k) return;
          sum += (w[i] as number) * (passAtK(n, c, 2 * k) - passAtK(n, c, k));
          total += w[i] as number;
        });
        return total > 0 ? sum / total : NaN;
      });
      const { lo: low, hi: high } = percentileInterval(replicates, 0.95);
      const row = deltaK(marginal, k);
      expect(row?.ciLow).toBeCloseTo(low, 12);
      expect(row?.ciHigh).toBeCloseTo(high, 12);
    }
  });

  it('is exactly the difference of the curve points, interval included, when every task has the same n', () => {
    const rng = createRng(5);
    const outcomes = Array.from({ length: 30 }, (_, t) => outcome(`t${t}`, 16, rng.int(17)));
    const { curves, marginal, resamples } = analyse(outcomes, 200, 3);
    const curve = curves[0] as Curve;
    for (let k = 1; k <= 8; k++) {
      const row = deltaK(marginal, k);
      expect(row?.delta).toBe((curve.pass[2 * k - 1] as number) - (curve.pass[k - 1] as number));
      const replicates = Float64Array.from({ length: resamples }, (_, r) => (curve.replicates[r * 16 + 2 * k - 1] as number) - (curve.replicates[r * 16 + k - 1] as number));
      expect({ lo: row?.ciLow, hi: row?.ciHigh }).toEqual(percentileInterval(replicates, 0.95));
      expect(row?.tasks).toBe(30);
    }
  });

  it('doubledRow picks the estimates at 2, 4, 6, … and is shared by equal rows', () => {
    const row = Float64Array.from([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect([...doubledRow(row)]).toEqual([0.2, 0.4]);
    expect(doubledRow(row)).toBe(doubledRow(row));
  });
});

describe('Δ_T is paired per task', () => {
  it('ignores a task present at one budget only (capped data with different task sets)', () => {
    // T = 1: A solved always, B never; T = 3: only A. The curve points are 0.5 and 1 — a fake gain of 0.5.
    const { curves, marginal } = analyse([outcome('A', 4, 4, 1), outcome('B', 4, 0, 1), outcome('A', 4, 4, 3)], 100);
    expect(curves.map((curve) => curve.pass[0])).toEqual([0.5, 1]);
    // task A is at 1 at both budgets: not [0, 0] but ±(1 − L), L = 0.025^(1/1) the Clopper–Pearson bound of 1 of 1
    for (let k = 1; k <= 4; k++) expect(deltaT(marginal, k, 1)).toMatchObject({ budgetTo: 3, kTo: k, delta: 0, tasks: 1, ciLow: -0.975, ciHigh: 0.975 });
  });

  it('uses at each k the tasks with at least k episodes at both budgets', () => {
    const outcomes = [outcome('A', 8, 2, 1), outcome('A', 2, 2, 3), outcome('B', 6, 0, 1), outcome('B', 8, 3, 3), outcome('C', 3, 1, 1)];
    const { marginal } = analyse(outcomes);
    const steps = marginal.filter((row) => row.kind === 'T');
    // A reaches k = 2 at both budgets, B k = 6; C has no T = 3
    expect(steps.map((row) => [row.kFrom, row.tasks])).toEqual([[1, 2], [2, 2], [3, 1], [4, 1], [5, 1], [6, 1]]);
    for (const row of steps) {
      const a = row.kFrom <= 2 ? passAtK(2, 2, row.kFrom) - passAtK(8, 2, row.kFrom) : 0;
      const b = passAtK(8, 3, row.kFrom) - passAtK(6, 0, row.kFrom);
      expect(row.delta).toBeCloseTo(row.kFrom <= 2 ? (a + b) / 2 : b, 12);
    }
  });

  it('steps through consecutive numeric budgets per policy, never into `all`, after every Δ_k row', () => {
    const outcomes = ['A', 'B'].flatMap((task) => [outcome(task, 4, 1, 1), outcome(task, 4, 2, 3), outcome(task, 4, 3, 5), outcome(task, 4, 4, 'all'), outcome(task, 4, 0, 1, 'base'), outcome(task, 4, 1, 3, 'base')]);
    const { curves, marginal } = analyse(outcomes);
    const kinds = marginal.map((row) => row.kind);
    expect(kinds.lastIndexOf('k')).toBeLessThan(kinds.indexOf('T'));
    // Δ_k: per policy, then budget (base 1, 3; rl 1, 3, 5, all), k = 1, 2
    expect(marginal.filter((row) => row.kind === 'k').map((row) => `${row.policy}:${row.budgetFrom}:${row.kFrom}`)).toEqual(
      ['base:1:1', 'base:1:2', 'base:3:1', 'base:3:2', 'rl:1:1', 'rl:1:2', 'rl:3:1', 'rl:3:2', 'rl:5:1', 'rl:5:2', 'rl:all:1', 'rl:all:2'],
    );
    const steps = marginal.filter((row) => row.kind === 'T');
    expect(steps.map((row) => `${row.policy}:${row.budgetFrom}>${row.budgetTo}:${row.kFrom}`)).toEqual([
      ...[1, 2, 3, 4].map((k) => `base:1>3:${k}`),
      ...[1, 2, 3, 4].map((k) => `rl:1>3:${k}`),
      ...[1, 2, 3, 4].map((k) => `rl:3>5:${k}`),
    ]);
    // same tasks, same n: exactly the difference of the curve points
    const rl = (budget: number) => curves.find((curve) => curve.policy === 'rl' && curve.budget === budget) as Curve;
    for (const row of steps.filter((step) => step.policy === 'rl' && step.budgetFrom === 3)) expect(row.delta).toBe((rl(5).pass[row.kFrom - 1] as number) - (rl(3).pass[row.kFrom - 1] as number));
  });
});
