import { describe, expect, it } from 'vitest';
import { homogeneityTest } from '../../../analyses/mechanism/homogeneity';

describe('homogeneityTest', () => {
  it('computes a 2×3 table by hand', () => {
    // Row totals 60, 60; column totals 30, 40, 50; expected 15, 20, 25 in both rows.
    // X² = 2·(5²/15 + 0 + 5²/25) = 16/3; df = 2, so p = e^(−8/3).
    const test = homogeneityTest([[10, 20, 30], [20, 20, 20]]);
    expect(test.chi2).toBeCloseTo(16 / 3, 13);
    expect(test.df).toBe(2);
    expect(test.p_value).toBeCloseTo(Math.exp(-8 / 3), 13);
    const g = 2 * (10 * Math.log(10 / 15) + 20 * Math.log(1) + 30 * Math.log(30 / 25) + 20 * Math.log(20 / 15) + 20 * Math.log(1) + 20 * Math.log(20 / 25));
    expect(test.g).toBeCloseTo(g, 12);
    expect(test.g_p_value).toBeCloseTo(Math.exp(-g / 2), 13);
    expect(test.min_expected).toBe(15);
    expect(test.cramers_v).toBeCloseTo(Math.sqrt(16 / 3 / 120), 13);
    expect(test.n).toBe(120);
  });
  it('matches the closed form of a 2×2 table: X² = N(ad − bc)² / (row and column totals)', () => {
    const [a, b, c, d] = [13, 7, 4, 16];
    const n = a + b + c + d;
    const closed = (n * (a * d - b * c) ** 2) / ((a + b) * (c + d) * (a + c) * (b + d));
    const test = homogeneityTest([[a, b], [c, d]]);
    expect(test.chi2).toBeCloseTo(closed, 12);
    expect(test.df).toBe(1);
    expect(test.cramers_v).toBeCloseTo(Math.sqrt(closed / n), 13);
  });
  it('matches scipy.stats.chi2_contingency on a table with a zero cell', () => {
    const test = homogeneityTest([[12, 5, 0, 3], [7, 9, 4, 1]]);
    expect(test.chi2).toBeCloseTo(7.438681525241677, 12);
    expect(test.p_value).toBeCloseTo(0.059155095474492235, 12);
    expect(test.g).toBeCloseTo(9.057631746786733, 12);
    expect(test.g_p_value).toBeCloseTo(0.02853437369398724, 12);
    expect(test.cramers_v).toBeCloseTo(0.42594748116782144, 12);
    expect(test.df).toBe(3);
  });
  it('drops empty columns and rows before counting degrees of freedom', () => {
    const withEmpty = homogeneityTest([[10, 0, 20, 30], [20, 0, 20, 20], [0, 0, 0, 0]]);
    const plain = homogeneityTest([[10, 20, 30], [20, 20, 20]]);
    expect(withEmpty).toEqual(plain);
  });
  it('gives p = 1 and zero effect when there is nothing to compare', () => {
    for (const table of [[[5], [7]], [[3, 4], [0, 0]]]) {
      const test = homogeneityTest(table);
      expect(test.df).toBe(0);
      expect(test.p_value).toBe(1);
      expect(test.cramers_v).toBe(0);
    }
  });
  it('gives X² = G = 0 and p = 1 for proportional rows', () => {
    const test = homogeneityTest([[2, 4, 6], [4, 8, 12]]);
    expect(test.chi2).toBeCloseTo(0, 14);
    expect(test.g).toBeCloseTo(0, 14);
    expect(test.p_value).toBeCloseTo(1, 12);
  });
  it('rejects negative counts and ragged rows', () => {
    expect(() => homogeneityTest([[1, -1], [2, 2]])).toThrow(RangeError);
    expect(() => homogeneityTest([[1, 1], [2]])).toThrow(RangeError);
  });
});
