import { describe, expect, it } from 'vitest';
import { passAtK, passHatK } from '../../../analyses/stats/pass-at-k';

/** Counts k-subsets of n episodes (the first c correct) that contain a success / are all successes. */
function enumerate(n: number, c: number, k: number): { any: number; all: number; total: number } {
  const successes = (1 << c) - 1;
  let any = 0;
  let all = 0;
  let total = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    let bits = 0;
    for (let m = mask; m; m &= m - 1) bits += 1;
    if (bits !== k) continue;
    total += 1;
    if (mask & successes) any += 1;
    if ((mask & successes) === mask) all += 1;
  }
  return { any, all, total };
}

describe('passAtK and passHatK against brute-force enumeration of all k-subsets', () => {
  it('agree to 1e-12 for every n <= 12, every c, every k', () => {
    let cases = 0;
    for (let n = 1; n <= 12; n++) {
      for (let c = 0; c <= n; c++) {
        for (let k = 1; k <= n; k++) {
          const { any, all, total } = enumerate(n, c, k);
          expect(Math.abs(passAtK(n, c, k) - any / total)).toBeLessThanOrEqual(1e-12);
          expect(Math.abs(passHatK(n, c, k) - all / total)).toBeLessThanOrEqual(1e-12);
          cases += 1;
        }
      }
    }
    expect(cases).toBe(728); // sum over n of n (k) × (n + 1) (c)
  });

  it('is exactly 1 when n - c < k, and pass^k exactly 0 when c < k and 1 when c = n', () => {
    const violations: string[] = [];
    for (let n = 1; n <= 64; n++) {
      for (let c = 0; c <= n; c++) {
        for (let k = 1; k <= n; k++) {
          if (n - c < k && passAtK(n, c, k) !== 1) violations.push(`pass@${k} n=${n} c=${c}`);
          if (c < k && passHatK(n, c, k) !== 0) violations.push(`pass^${k} n=${n} c=${c}`);
          if (c === n && passHatK(n, c, k) !== 1) violations.push(`pass^${k} n=${n} c=${c}`);
        }
      }
      if (passAtK(n, 0, 1) !== 0) violations.push(`pass@1 n=${n} c=0`);
    }
    expect(violations).toEqual([]);
  });

  it('stays accurate where the ratio of binomial coefficients would lose digits (n = 1000)', () => {
    // C(999, 500) / C(1000, 500) = 499/1000 exactly
    expect(passAtK(1000, 1, 500)).toBeCloseTo(0.5, 14);
    // pass@1 is the success rate
    expect(passAtK(1000, 337, 1)).toBeCloseTo(0.337, 14);
    expect(passHatK(1000, 337, 1)).toBeCloseTo(0.337, 14);
  });

  it('rejects impossible arguments', () => {
    expect(() => passAtK(4, 5, 1)).toThrow(RangeError);
    expect(() => passAtK(4, 2, 0)).toThrow(RangeError);
    expect(() => passAtK(4, 2, 5)).toThrow(RangeError);
    expect(() => passHatK(0, 0, 1)).toThrow(RangeError);
    expect(() => passAtK(4, 1.5, 1)).toThrow(RangeError);
  });
});
