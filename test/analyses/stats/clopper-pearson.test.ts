import { describe, expect, it } from 'vitest';
import { binomialCdf, clopperPearson } from '../../../analyses/stats/clopper-pearson';
import { proportionInterval } from '../../../analyses/stats/proportion-interval';

/** P(X = i) for X ~ Bin(m, p) from the textbook formula (small m only). */
function pmf(i: number, m: number, p: number): number {
  let choose = 1;
  for (let j = 1; j <= i; j++) choose = (choose * (m - j + 1)) / j;
  return choose * p ** i * (1 - p) ** (m - i);
}

describe('Clopper–Pearson', () => {
  it('has the closed form at 100 of 100 and at 0 of 100', () => {
    expect(clopperPearson(100, 100, 0.95)).toEqual({ lo: 0.025 ** (1 / 100), hi: 1 });
    expect(clopperPearson(100, 100, 0.95).lo).toBeCloseTo(0.9637833, 7);
    expect(clopperPearson(0, 100, 0.95)).toEqual({ lo: 0, hi: 1 - 0.025 ** (1 / 100) });
  });

  it('inverts the two one-sided binomial tests (bounds checked against the textbook pmf)', () => {
    for (const [x, m] of [[1, 20], [5, 10], [3, 7], [19, 20], [12, 30]] as const) {
      const { lo, hi } = clopperPearson(x, m, 0.95);
      let upperTail = 0;
      for (let i = x; i <= m; i++) upperTail += pmf(i, m, lo);
      let lowerTail = 0;
      for (let i = 0; i <= x; i++) lowerTail += pmf(i, m, hi);
      expect(upperTail).toBeCloseTo(0.025, 10);
      expect(lowerTail).toBeCloseTo(0.025, 10);
    }
    // R: binom.test(5, 10)$conf.int = 0.1870860 0.8129140
    const five = clopperPearson(5, 10, 0.95);
    expect(five.lo).toBeCloseTo(0.187086, 6);
    expect(five.hi).toBeCloseTo(0.812914, 6);
  });

  it('binomial CDF agrees with the pmf sum and stays finite for many trials', () => {
    for (let x = 0; x <= 12; x++) {
      let sum = 0;
      for (let i = 0; i <= x; i++) sum += pmf(i, 12, 0.3);
      expect(binomialCdf(x, 12, 0.3)).toBeCloseTo(sum, 14);
    }
    expect(binomialCdf(4900, 10000, 0.5)).toBeGreaterThan(0);
    expect(binomialCdf(4900, 10000, 0.5)).toBeLessThan(0.03);
  });

  it('rejects impossible counts', () => {
    expect(() => clopperPearson(3, 2, 0.95)).toThrow(RangeError);
  });
});

describe('proportion intervals at the edge', () => {
  it('replace a collapsed percentile interval at 1 or 0 by Clopper–Pearson over the tasks', () => {
    expect(proportionInterval(1, 1, 1, 100, 0.95)).toEqual({ lo: 0.025 ** (1 / 100), hi: 1, method: 'clopper-pearson' });
    expect(proportionInterval(0, 0, 0, 100, 0.95)).toEqual({ lo: 0, hi: 1 - 0.025 ** (1 / 100), method: 'clopper-pearson' });
    // within 1e-12 of the edge counts as at the edge
    expect(proportionInterval(1 - 1e-13, 1, 1, 50, 0.95).method).toBe('clopper-pearson');
  });
  it('keep the percentile interval away from the edges', () => {
    expect(proportionInterval(0.99, 0.97, 1, 100, 0.95)).toEqual({ lo: 0.97, hi: 1, method: 'percentile' });
    expect(proportionInterval(NaN, NaN, NaN, 0, 0.95).method).toBe('percentile');
  });
});
