import { describe, expect, it } from 'vitest';
import { nearestCentroid, squaredDistance } from '../../../analyses/cluster/distance';
import { fitProjection, project } from '../../../analyses/cluster/projection';
import { Reservoir } from '../../../analyses/cluster/reservoir';
import { fitStandardizer, standardize } from '../../../analyses/cluster/standardize';
import { createRng } from '../../../analyses/random/rng';

describe('standardize', () => {
  it('z-scores columns with population standard deviations and zeroes constant columns', () => {
    const s = fitStandardizer([[1, 5], [3, 5]]);
    expect([...s.means]).toEqual([2, 5]);
    expect([...s.stds]).toEqual([1, 0]);
    expect(standardize(s, [3, 7])).toEqual([1, 0]);
  });
});

describe('nearestCentroid', () => {
  it('picks the closest centroid, the lower index on ties', () => {
    expect(squaredDistance([0, 0], [3, 4])).toBe(25);
    expect(nearestCentroid([1, 0], [[0, 0], [2, 0], [1, 5]])).toEqual({ index: 0, distance: 1 });
  });
});

describe('Reservoir', () => {
  it('keeps everything below capacity, in stream order', () => {
    const r = new Reservoir<number>(5, createRng(1));
    for (let i = 0; i < 3; i++) r.offer(i);
    expect(r.sample()).toEqual([0, 1, 2]);
    expect(r.seen).toBe(3);
  });

  it('samples uniformly: every position is kept about capacity/n of the time over many seeds', () => {
    const n = 40;
    const capacity = 10;
    const kept = new Array<number>(n).fill(0);
    const runs = 2000;
    for (let seed = 0; seed < runs; seed++) {
      const r = new Reservoir<number>(capacity, createRng(seed));
      for (let i = 0; i < n; i++) r.offer(i);
      const sample = r.sample();
      expect(sample).toHaveLength(capacity);
      expect(r.samplePositions()).toEqual(sample);
      for (const i of sample) kept[i]! += 1;
    }
    // Expected 500 per position; binomial sd ≈ 19.4, so ±100 is over 5 sd (these seeds are fixed: no flakiness).
    for (const count of kept) expect(Math.abs(count - (runs * capacity) / n)).toBeLessThan(100);
  });

  it('is deterministic for a seed', () => {
    const draw = () => {
      const r = new Reservoir<number>(4, createRng(77));
      for (let i = 0; i < 100; i++) r.offer(i);
      return r.sample();
    };
    expect(draw()).toEqual(draw());
  });
});

describe('fitProjection', () => {
  it('puts points on a line on the first axis, with a positive largest loading', () => {
    const rows = [0, 1, 2, 3, 4].map((t) => [t, -2 * t, 0]);
    const p = fitProjection(rows);
    expect(p.explained[0]).toBeCloseTo(1, 9);
    const axis = p.axes[0]!;
    expect(Math.hypot(...axis)).toBeCloseTo(1, 9);
    // The largest loading (on the second feature) is made positive.
    expect(axis[1]).toBeCloseTo(2 / Math.sqrt(5), 9);
    const [pc1, pc2] = project(p, [4, -8, 0]);
    // (4, -8, 0) - mean (2, -4, 0) = (2, -4, 0); on the axis (-1, 2, 0)/√5 that is -10/√5.
    expect(pc1).toBeCloseTo(-10 / Math.sqrt(5), 9);
    expect(pc2).toBeCloseTo(0, 9);
  });

  it('returns zeros when there is nothing to project', () => {
    expect(project(fitProjection([[1, 2]]), [1, 2])).toEqual([0, 0]);
  });
});
