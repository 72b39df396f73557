import { describe, expect, it } from 'vitest';
import { createRng } from '../../../analyses/random/rng';
import { bootstrapMean } from '../../../analyses/stats/task-bootstrap';
import { sortedQuantile as quantileSorted } from '../../../analyses/stats/quantile';
import { summarizeDiversity } from '../../../analyses/strategy/diversity';
import { fixtureTally } from './sequence-fixture';

describe('bootstrapMean', () => {
  it('reads type-7 quantiles', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([10], 0.3)).toBe(10);
  });

  it('matches the exact bootstrap distribution of two values (means 0, 1/2, 1 with probabilities 1/4, 1/2, 1/4)', () => {
    const result = bootstrapMean([0, 1], createRng(5), 4000);
    expect(result.mean).toBe(0.5);
    expect(result.low).toBe(0);
    expect(result.high).toBe(1);
    // A 40% interval lies inside the central atom at 1/2 (it holds half the mass).
    const narrow = bootstrapMean([0, 1], createRng(5), 4000, 0.4);
    expect([narrow.low, narrow.high]).toEqual([0.5, 0.5]);
  });

  it('is degenerate for constant data or one task, NaN for none, and deterministic per seed', () => {
    expect(bootstrapMean([3, 3, 3], createRng(1), 100)).toEqual({ mean: 3, low: 3, high: 3 });
    expect(bootstrapMean([7], createRng(1), 100)).toEqual({ mean: 7, low: 7, high: 7 });
    expect(Number.isNaN(bootstrapMean([], createRng(1), 100).mean)).toBe(true);
    const values = [1, 5, 2, 8, 3, 9, 4];
    expect(bootstrapMean(values, createRng(9), 500)).toEqual(bootstrapMean(values, createRng(9), 500));
  });
});

describe('summarizeDiversity', () => {
  it('averages unique sequences over tasks and overlap over the tasks the base policy shares', () => {
    const rows = summarizeDiversity(fixtureTally().rows('base'), createRng(1), { base: 'base', resamples: 200, level: 0.95 });
    const rl3 = rows.find((r) => r.policy === 'rl' && r.budget === 3)!;
    expect(rl3).toMatchObject({ tasks: 2, episodes: 6, mean_unique: 2, tasks_with_base: 1, share_in_base: 1 / 3, share_in_base_ci_low: 1 / 3, share_of_base: 1 / 3, episode_share_in_base: 1 / 4 });
    expect(rl3.unique_ci_low).toBeGreaterThanOrEqual(1);
    expect(rl3.unique_ci_high).toBeLessThanOrEqual(3);
    const rlUncapped = rows.find((r) => r.policy === 'rl' && r.budget === null)!;
    expect(rlUncapped).toMatchObject({ tasks: 1, mean_unique: 1, share_in_base: 0 });
    expect(rows.map((r) => `${r.policy}/${r.budget ?? 'u'}`)).toEqual(['base/3', 'base/5', 'base/u', 'rl/3', 'rl/5', 'rl/u', 'sft/3']);
  });

  it('gives empty overlap columns without a base policy', () => {
    const rows = summarizeDiversity(fixtureTally().rows('nobody'), createRng(1), { base: 'nobody', resamples: 10, level: 0.95 });
    expect(rows.every((r) => r.share_in_base === null && r.tasks_with_base === 0 && r.episode_share_in_base === null)).toBe(true);
  });
});
