import { describe, expect, it } from 'vitest';
import { percentileInterval } from '../../../analyses/stats/percentile-interval';
import { sortedQuantile } from '../../../analyses/stats/quantile';

describe('quantiles', () => {
  it('interpolates between order statistics like R type 7', () => {
    const values = [1, 2, 3, 4];
    expect(sortedQuantile(values, 0)).toBe(1);
    expect(sortedQuantile(values, 1)).toBe(4);
    expect(sortedQuantile(values, 0.25)).toBeCloseTo(1.75, 12);
    expect(sortedQuantile(values, 0.5)).toBeCloseTo(2.5, 12);
    expect(sortedQuantile([], 0.5)).toBeNaN();
  });

  it('gives the central interval of replicates, ignoring NaN, and NaN when nothing is finite', () => {
    const replicates = Float64Array.from([5, NaN, 1, 3, 2, 4]);
    const { lo: low, hi: high } = percentileInterval(replicates, 0.5);
    expect(low).toBeCloseTo(2, 12);
    expect(high).toBeCloseTo(4, 12);
    expect(replicates[1]).toBeNaN(); // input untouched
    expect(percentileInterval(Float64Array.from([NaN]), 0.95)).toEqual({ lo: NaN, hi: NaN });
    // 1..101: the 95% interval is [3.5, 98.5]
    const { lo, hi } = percentileInterval(Float64Array.from({ length: 101 }, (_, i) => 101 - i), 0.95);
    expect(lo).toBeCloseTo(3.5, 12);
    expect(hi).toBeCloseTo(98.5, 12);
  });
});

describe('selection-based percentile intervals', () => {
  it('match quantiles of the sorted replicates exactly, with ties, NaN and any level', async () => {
    const { createRng } = await import('../../../analyses/random/rng');
    const { selectInPlace } = await import('../../../analyses/stats/quantile');
    const rng = createRng(8);
    for (let trial = 0; trial < 200; trial++) {
      const size = 1 + rng.int(400);
      // coarse values make many ties; a few NaN stand for resamples without eligible tasks
      const replicates = Float64Array.from({ length: size }, () => (rng.next() < 0.05 ? NaN : Math.round(rng.next() * 20) / 20));
      const sorted = replicates.filter((value) => !Number.isNaN(value)).sort();
      const level = [0.5, 0.9, 0.95, 0.99][trial % 4] as number;
      const tail = (1 - level) / 2;
      const { lo: low, hi: high } = percentileInterval(replicates, level);
      if (sorted.length === 0) {
        expect(low).toBeNaN();
        continue;
      }
      expect(low).toBe(sortedQuantile(sorted, tail));
      expect(high).toBe(sortedQuantile(sorted, 1 - tail));
      const copy = Float64Array.from(sorted).reverse();
      const k = rng.int(copy.length);
      selectInPlace(copy, k);
      expect(copy[k]).toBe(sorted[k]);
    }
  });
});
