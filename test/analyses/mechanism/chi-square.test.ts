import { describe, expect, it } from 'vitest';
import { chiSquareCdf, chiSquareSurvival } from '../../../analyses/mechanism/chi-square';

describe('chi-square distribution', () => {
  it('reproduces the printed critical-value table (values rounded to 3 decimals)', () => {
    // Standard table of upper-tail critical values χ²_{df, α}.
    const table: [number, number, number][] = [
      [1, 3.841, 0.05], [1, 6.635, 0.01], [1, 10.828, 0.001],
      [2, 5.991, 0.05], [2, 9.21, 0.01],
      [3, 7.815, 0.05], [3, 11.345, 0.01],
      [4, 9.488, 0.05], [5, 11.07, 0.05], [6, 12.592, 0.05],
      [10, 18.307, 0.05], [10, 23.209, 0.01], [20, 31.41, 0.05], [30, 43.773, 0.05], [100, 124.342, 0.05],
      [1, 2.706, 0.1], [5, 9.236, 0.1], [10, 3.94, 0.95], [2, 0.103, 0.95],
    ];
    for (const [df, x, alpha] of table) {
      // 3-decimal rounding of x moves p by less than 1e-4 relative to α at these points.
      expect(Math.abs(chiSquareSurvival(x, df) - alpha) / alpha).toBeLessThan(2e-3);
    }
  });
  it('df = 2 is the exponential distribution: P(X > x) = e^(−x/2)', () => {
    for (const x of [0.001, 0.5, 1, 5.333333333333334, 10, 60]) expect(chiSquareSurvival(x, 2) / Math.exp(-x / 2)).toBeCloseTo(1, 12);
  });
  it('df = 1 gives the two-sided normal tails at 1, 2 and 3 sigma', () => {
    expect(chiSquareSurvival(1, 1)).toBeCloseTo(0.3173105078629141, 13);
    expect(chiSquareSurvival(4, 1)).toBeCloseTo(0.04550026389635842, 13);
    expect(chiSquareSurvival(9, 1)).toBeCloseTo(0.0026997960632601866, 14);
  });
  it('matches reference values (scipy.stats.chi2) including the far tail and fractional df', () => {
    const cases: [number, number, number][] = [
      [3.841, 1, 0.050013683763956804],
      [0.5, 7, 0.9994464813904249],
      [100, 50, 3.454931382984871e-5],
      [1e-3, 1, 0.9747728793699604],
      [250, 3, 6.543750030967994e-54],
      [0.1, 0.5, 0.48344467916953426],
      [30, 2.5, 6.747491852005865e-7],
    ];
    for (const [x, df, p] of cases) {
      expect(Math.abs(chiSquareSurvival(x, df) / p - 1)).toBeLessThan(1e-10);
      expect(Math.abs(chiSquareCdf(x, df) - (1 - p))).toBeLessThan(1e-12);
    }
  });
  it('handles x ≤ 0 and rejects df ≤ 0', () => {
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareCdf(-1, 3)).toBe(0);
    expect(() => chiSquareSurvival(1, 0)).toThrow(RangeError);
  });
});
