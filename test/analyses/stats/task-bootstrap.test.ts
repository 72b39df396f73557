import { describe, expect, it } from 'vitest';
import { bootstrapIntervals, drawTaskResamples, replicateWeights, weightedRatio } from '../../../analyses/stats/task-bootstrap';
import { createRng } from '../../../analyses/random/rng';

describe('task bootstrap', () => {
  it('draws each replicate as m tasks with replacement, deterministically', () => {
    const r1 = drawTaskResamples(7, 50, createRng(11));
    const r2 = drawTaskResamples(7, 50, createRng(11));
    expect(r1.counts).toEqual(r2.counts);
    for (let r = 0; r < 50; r++) expect(replicateWeights(r1, r).reduce((s, w) => s + w, 0)).toBe(7);
    expect(drawTaskResamples(7, 50, createRng(12)).counts).not.toEqual(r1.counts);
  });
  it('gives each task an expected weight of 1', () => {
    const resamples = drawTaskResamples(10, 4000, createRng(3));
    const mean = new Float64Array(10);
    for (let r = 0; r < 4000; r++) replicateWeights(resamples, r).forEach((w, t) => (mean[t]! += w / 4000));
    // Each weight is Binomial(10, 1/10): sd of the mean over 4000 draws is ≈ .015.
    for (const m of mean) expect(Math.abs(m - 1)).toBeLessThan(0.06);
  });
  it('covers the true mean of task-level values about 95% of the time', () => {
    // Tasks have means N(0.5, 0.1²); the statistic is the mean over tasks; truth 0.5.
    const rng = createRng('coverage');
    let covered = 0;
    const trials = 300;
    for (let trial = 0; trial < trials; trial++) {
      const values = Array.from({ length: 40 }, () => {
        const u = Math.max(rng.next(), 1e-12);
        return 0.5 + 0.1 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
      });
      const resamples = drawTaskResamples(values.length, 400, rng.fork(trial));
      const { lo, hi } = bootstrapIntervals(resamples, (w) => [values.reduce((s, v, t) => s + w[t]! * v, 0) / values.length], 0.95);
      if (lo[0]! <= 0.5 && 0.5 <= hi[0]!) covered += 1;
    }
    // Percentile intervals with 40 tasks under-cover slightly; 300 trials give a binomial sd of ≈ 1.3%.
    expect(covered / trials).toBeGreaterThan(0.88);
    expect(covered / trials).toBeLessThan(0.99);
  });

  it('pools per-task sums under task weights: a resample equals the ratio over its tasks with their repeats', () => {
    const hits = Float64Array.from([3, 0, 5]);
    const episodes = Float64Array.from([4, 2, 10]);
    expect(weightedRatio(hits, episodes, null)).toBeCloseTo(8 / 16, 15);
    // task 0 drawn twice, task 2 once, task 1 not: (3 + 3 + 5) / (4 + 4 + 10)
    expect(weightedRatio(hits, episodes, Float64Array.from([2, 0, 1]))).toBeCloseTo(11 / 18, 15);
    expect(weightedRatio(hits, episodes, Float64Array.from([0, 0, 0]))).toBeNaN();
  });
});
