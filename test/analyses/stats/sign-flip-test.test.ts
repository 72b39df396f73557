import { describe, expect, it } from 'vitest';
import { EXACT_LIMIT, signFlipTest } from '../../../analyses/stats/sign-flip-test';
import { createRng } from '../../../analyses/random/rng';

/** The exact p by recursion over the sign of each difference (independent of the bit-mask loop). */
function bruteForce(d: readonly number[]): number {
  const observed = Math.abs(d.reduce((s, v) => s + v, 0));
  let extreme = 0;
  let total = 0;
  const walk = (i: number, sum: number) => {
    if (i === d.length) {
      total += 1;
      if (Math.abs(sum) >= observed - 1e-9) extreme += 1;
      return;
    }
    walk(i + 1, sum + d[i]!);
    walk(i + 1, sum - d[i]!);
  };
  walk(0, 0);
  return extreme / total;
}

describe('sign-flip test', () => {
  it('is exact for a few tasks: hand-computed and brute-force cases', () => {
    // d = (1, 1, 1): only +++ and −−− reach |3| → 2/8
    expect(signFlipTest([1, 1, 1], 0, createRng(1))).toEqual({ p: 0.25, exact: true, patterns: 8 });
    // zeros do not count as tasks that differ
    expect(signFlipTest([0.5, 0, 0.5], 0, createRng(1)).p).toBe(0.5);
    expect(signFlipTest([0, 0], 0, createRng(1)).p).toBe(1);
    const rng = createRng('sign-flip');
    for (let trial = 0; trial < 50; trial++) {
      const d = Array.from({ length: 1 + rng.int(10) }, () => Math.round((rng.next() - 0.4) * 20) / 20);
      expect(signFlipTest(d, 0, rng).p).toBeCloseTo(bruteForce(d), 12);
    }
  });

  it('draws random sign patterns beyond the exact limit, close to the exact p', () => {
    const d = Array.from({ length: EXACT_LIMIT + 2 }, (_, i) => ((i % 5) - 1.4) / 10);
    const exact = bruteForce(d);
    const result = signFlipTest(d, 20000, createRng(7));
    expect(result.exact).toBe(false);
    expect(Math.abs(result.p - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 20000) + 1e-4);
    // deterministic for a seed
    expect(signFlipTest(d, 500, createRng(7)).p).toBe(signFlipTest(d, 500, createRng(7)).p);
  });

  it('holds its level under the null (symmetric differences)', () => {
    const rng = createRng('sign-flip null');
    let rejections = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const d = Array.from({ length: 30 }, () => (rng.next() < 0.5 ? -1 : 1) * rng.next());
      if (signFlipTest(d, 199, rng).p < 0.05) rejections += 1;
    }
    expect(rejections / trials).toBeLessThan(0.08);
  });
});
