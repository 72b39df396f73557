import { describe, expect, it } from 'vitest';
import { exactMcNemarP } from '../../../analyses/passkt/mcnemar';

describe('exactMcNemarP against hand-computed binomial tails', () => {
  it('matches 2·P(X <= min) for X ~ Bin(only_a + only_b, 1/2)', () => {
    // the study's bridge boundary 5:1 — N = 6, P(X <= 1) = (1 + 6) / 64
    expect(exactMcNemarP(5, 1)).toBeCloseTo(14 / 64, 14);
    expect(exactMcNemarP(1, 5)).toBeCloseTo(14 / 64, 14);
    // N = 9, P(X <= 2) = (1 + 9 + 36) / 512
    expect(exactMcNemarP(7, 2)).toBeCloseTo(92 / 512, 14);
    // N = 10, P(X = 0) = 1/1024
    expect(exactMcNemarP(10, 0)).toBeCloseTo(2 / 1024, 15);
    // N = 20, P(X <= 5) = (1 + 20 + 190 + 1140 + 4845 + 15504) / 2^20
    expect(exactMcNemarP(5, 15)).toBeCloseTo((2 * 21700) / 1048576, 14);
    // exact big-integer sums (Python's math.comb): N = 950 takes the direct branch, N > 1000 the log-space one
    expect(exactMcNemarP(450, 500) / 0.11183864514157879).toBeCloseTo(1, 12);
    expect(exactMcNemarP(480, 540) / 0.06464197638729485).toBeCloseTo(1, 10);
    expect(exactMcNemarP(3200, 3000) / 0.011488253770871206).toBeCloseTo(1, 9);
  });

  it('is 1 without discordant tasks or with equal counts, and tiny but positive for huge one-sided counts', () => {
    expect(exactMcNemarP(0, 0)).toBe(1);
    expect(exactMcNemarP(3, 3)).toBe(1);
    expect(exactMcNemarP(1, 0)).toBe(1);
    const p = exactMcNemarP(0, 2000);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-300);
    // large balanced counts: near 1, never above
    const q = exactMcNemarP(5000, 5001);
    expect(q).toBeLessThanOrEqual(1);
    expect(q).toBeGreaterThan(0.9);
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => exactMcNemarP(-1, 2)).toThrow(RangeError);
    expect(() => exactMcNemarP(1.5, 2)).toThrow(RangeError);
  });
});
