import { describe, expect, it } from 'vitest';
import { cramersV } from '../../../analyses/mechanism/cramers-v';
import { homogeneityTest } from '../../../analyses/mechanism/homogeneity';

describe('cramersV', () => {
  it('is 1 for a perfectly associated table and 0 for independence', () => {
    expect(homogeneityTest([[10, 0, 0], [0, 10, 0], [0, 0, 10]]).cramers_v).toBeCloseTo(1, 14);
    expect(homogeneityTest([[30, 0], [0, 30]]).cramers_v).toBeCloseTo(1, 14);
    expect(homogeneityTest([[5, 10], [10, 20]]).cramers_v).toBeCloseTo(0, 14);
  });
  it('uses min(rows, columns) − 1', () => {
    expect(cramersV(12, 100, 2, 5)).toBeCloseTo(Math.sqrt(0.12), 14);
    expect(cramersV(12, 100, 4, 3)).toBeCloseTo(Math.sqrt(0.06), 14);
    expect(cramersV(12, 100, 1, 3)).toBe(0);
  });
});
