/**
 * Percentile bootstrap interval of a mean over tasks: resample the tasks with replacement, take the mean
 * of each resample, and read the interval off the sorted resample means.
 */
import { sortedQuantile } from '../passkt/quantile';
import type { Rng } from '../random/rng';

/** A mean and its bootstrap interval. */
export interface MeanInterval {
  mean: number;
  low: number;
  high: number;
}

/** Mean of `values` with a `level` percentile bootstrap interval from `resamples` resamples (NaN when empty). */
export function bootstrapMean(values: readonly number[], rng: Rng, resamples: number, level = 0.95): MeanInterval {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, low: Number.NaN, high: Number.NaN };
  const mean = sum(values) / n;
  if (n === 1 || resamples <= 0) return { mean, low: mean, high: mean };
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += values[rng.int(n)]!;
    means[b] = total / n;
  }
  means.sort();
  const alpha = (1 - level) / 2;
  return { mean, low: sortedQuantile(means, alpha), high: sortedQuantile(means, 1 - alpha) };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
