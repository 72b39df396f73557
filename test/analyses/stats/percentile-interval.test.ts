import { describe, expect, it } from 'vitest';
import { percentileInterval } from '../../../analyses/stats/percentile-interval';
import { sortedQuantile as quantileSorted } from '../../../analyses/stats/quantile';

describe('percentiles', () => {
  it('interpolates like R type 7', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantileSorted(sorted, 0)).toBe(1);
    expect(quantileSorted(sorted, 1)).toBe(10);
    expect(quantileSorted(sorted, 0.5)).toBe(5.5);
    expect(quantileSorted(sorted, 0.025)).toBeCloseTo(1.225, 14); // R: quantile(1:10, .025) = 1.225
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
  it('ignores non-finite replicate values and sorts numerically', () => {
    const interval = percentileInterval([10, NaN, 2, 100, Infinity, 3], 0.5);
    // finite sorted: 2, 3, 10, 100 → quantiles .25 and .75 at positions .75 and 2.25
    expect(interval.lo).toBeCloseTo(2.75, 14);
    expect(interval.hi).toBeCloseTo(32.5, 14);
    expect(percentileInterval([NaN], 0.95).lo).toBeNaN();
  });
  it('rejects a level outside (0, 1)', () => {
    expect(() => percentileInterval([1], 1)).toThrow(RangeError);
  });
});
