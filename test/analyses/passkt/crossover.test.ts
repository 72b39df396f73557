import { describe, expect, it } from 'vitest';
import { crossingK, crossoverOf, findCrossovers } from '../../../analyses/passkt/crossover';
import { analysePass, type DiffCurve } from '../../../analyses/passkt/curves';
import type { Outcome } from '../../../analyses/passkt/outcomes';
import { createRng } from '../../../analyses/random/rng';

const below = { a: 0.5, b: 0.6 };
const ceiling = { a: 1, b: 1 };

describe('crossover status and k', () => {
  it('crosses: a sign change beyond the tolerance; k is 1 + the last k on the side it left', () => {
    // the study's bridge picture: RL below base at k = 1, 2, 3; at or above from k = 4
    expect(crossoverOf([-0.028, -0.01, -0.001, 0, 0.01, 0.02, 0.03, 0.04], below)).toEqual({ status: 'crosses', k: 4, direction: 1 });
    // dipping below again later moves the crossover past the last dip
    expect(crossoverOf([-0.1, 0.1, -0.05, 0.1, 0.2], below)).toEqual({ status: 'crosses', k: 4, direction: 1 });
    // and the other way round: a starts above and ends below
    expect(crossoverOf([0.05, 0.01, -0.02, -0.03], below)).toEqual({ status: 'crosses', k: 3, direction: -1 });
    // a sign change followed by a tie at the ceiling is still a crossing
    expect(crossoverOf([-0.05, 0.02, 0, 0], ceiling)).toEqual({ status: 'crosses', k: 2, direction: 1 });
  });

  it('above / below: one side only; none: ties everywhere', () => {
    expect(crossoverOf([0.01, 0.02, 0.0], below).status).toBe('above');
    expect(crossoverOf([0.01, 0.02, -0.01], below).status).toBe('crosses');
    expect(crossoverOf([-0.01, -0.02, -0.01], below)).toEqual({ status: 'below', k: null, direction: 0 });
    expect(crossoverOf([0, 1e-10, -1e-10], below)).toEqual({ status: 'none', k: null, direction: 0 });
  });

  it('rounding noise is a tie, not a crossing (bridge T = 0: −8.7e-19 at k = 1)', () => {
    expect(crossoverOf([-8.7e-19, 0.01, 0.02], below).status).toBe('above');
    expect(crossoverOf([-1e-10, 0.2], below, 1e-9).status).toBe('above');
    expect(crossoverOf([-1e-8, 0.2], below, 1e-9).status).toBe('crosses');
  });

  it('ties at the ceiling are never crossovers: they converge', () => {
    // closed-book: a below b at small k, both at 1.0 from k = 40 on
    const diff = Array.from({ length: 64 }, (_, i) => (i < 39 ? -0.01 * (1 - i / 40) : 0));
    expect(crossoverOf(diff, ceiling)).toEqual({ status: 'converge', k: null, direction: 0 });
    // curves within the tolerance of 1 count as at the ceiling
    expect(crossoverOf([-0.02, -1e-10], { a: 1 - 2e-10, b: 1 }).status).toBe('converge');
    // a tie below the ceiling at the end is not convergence at the ceiling
    expect(crossoverOf([-0.02, 0], { a: 0.7, b: 0.7 }).status).toBe('below');
  });

  it('crossingK: 1 when never on the opposite side, +Infinity when still there at the largest k', () => {
    expect(crossingK([0.1, 0.2], 1)).toBe(1);
    expect(crossingK([0.1, -0.2], 1)).toBe(Infinity);
    expect(crossingK([-0.1, 0, 0.2], 1)).toBe(2);
  });
});

describe('crossover intervals from the difference replicates', () => {
  const curve = (diff: number[], replicates: number[][], low: number[], high: number[]): DiffCurve => ({
    family: 'bridge',
    budget: 5,
    a: 'rl',
    b: 'base',
    kMax: diff.length,
    tasks: new Int32Array(diff.length).fill(10),
    diff: Float64Array.from(diff),
    low: Float64Array.from(low),
    high: Float64Array.from(high),
    passA: Float64Array.from(diff.map((d) => 0.5 + d)),
    passB: new Float64Array(diff.length).fill(0.5),
    replicates: Float64Array.from(replicates.flat()),
  });

  it('takes the crossing k of every replicate (same rule), summarised by order statistics', () => {
    // 5 replicates cross at k = 2, 2, 3, 1 and never (still below at k = 4)
    const replicates = [
      [-0.1, 0.1, 0.1, 0.1],
      [-0.1, 0.1, 0.1, 0.1],
      [-0.1, -0.1, 0.1, 0.1],
      [0.1, 0.1, 0.1, 0.1],
      [-0.1, -0.1, -0.1, -0.1],
    ];
    const [row] = findCrossovers([curve([-0.05, 0.02, 0.04, 0.06], replicates, [-0.1, -0.01, 0.01, 0.02], [0.01, 0.05, 0.08, 0.1])], { level: 0.5 });
    // sorted ks 1, 2, 2, 3, ∞: positions 4·.25 = 1 and 4·.75 = 3 → [2, 3]
    expect(row).toMatchObject({ status: 'crosses', k: 2, kLow: 2, kHigh: 3, diffAt1: -0.05, diffAtMax: 0.06 });
    // the interval covers 0 at k = 1 and 2 (up to the crossover): not significant
    expect(row!.significant).toBe(false);
    const [wide] = findCrossovers([curve([-0.05, 0.02, 0.04, 0.06], replicates, [-0.1, -0.01, 0.01, 0.02], [0.01, 0.05, 0.08, 0.1])], { level: 0.9 });
    expect(wide!.kHigh).toBe(Infinity);
  });

  it('is significant when a − b is separated from 0 at some k up to the crossover', () => {
    const [row] = findCrossovers([curve([-0.05, 0.02], [[-0.05, 0.02]], [-0.08, -0.01], [-0.02, 0.05])], { level: 0.95 });
    expect(row!.significant).toBe(true);
    // without replicates there is no interval and no verdict on significance
    const [bare] = findCrossovers([curve([-0.05, 0.02], [], [NaN, NaN], [NaN, NaN])], { level: 0.95 });
    expect(bare!.kLow).toBeNaN();
    expect(bare!.significant).toBeNull();
  });
});

describe('ties at the ceiling on real curves', () => {
  it('two policies that both solve every task by k = n converge, even when one is below at small k', () => {
    // closed-book-like: every task solved at least once by both, rl a little less reliable per episode
    const outcomes: Outcome[] = Array.from({ length: 40 }, (_, t) => [
      { policy: 'rl', task: `t${t}`, family: 'closed-book', budget: 5, mode: 'capped' as const, n: 16, c: 6 + (t % 3) },
      { policy: 'base', task: `t${t}`, family: 'closed-book', budget: 5, mode: 'capped' as const, n: 16, c: 7 + (t % 3) },
    ]).flat();
    const analysis = analysePass(outcomes, [{ a: 'rl', b: 'base' }], { resamples: 50, level: 0.95, rng: createRng(1) });
    const [row] = findCrossovers(analysis.diffs, { level: 0.95 });
    expect(row!.diffAt1).toBeLessThan(0);
    expect(row!.status).toBe('converge');
    expect(row!.k).toBeNull();
  });
});
