/**
 * The task bootstrap of PASS@(k,T) curves: one weight vector per resample over a family's tasks
 * (analyses/stats/task-bootstrap), shared by every statistic of that family (every policy, budget, k,
 * and paired difference), so differences across policies and budgets are paired by construction.
 */
import type { Rng } from '../random/rng';
import type { Statistic } from './classed-mean';
import { percentileInterval } from '../stats/percentile-interval';
import { drawTaskWeights } from '../stats/task-bootstrap';

/** Replicates of one statistic: per output, a resamples × kMax matrix (row r = resample r). */
export type Replicates = Float64Array[];

/**
 * Runs `resamples` resamples of a universe of `universeSize` tasks and evaluates every statistic on
 * each (weights drawn once per resample, then reused by all statistics).
 */
export function bootstrapReplicates(universeSize: number, statistics: readonly Statistic[], resamples: number, rng: Rng): Replicates[] {
  const replicates = statistics.map((statistic) => Array.from({ length: statistic.outputs }, () => new Float64Array(resamples * statistic.kMax)));
  const weights = new Float64Array(universeSize);
  for (let r = 0; r < resamples; r++) {
    drawTaskWeights(rng, weights);
    for (let s = 0; s < statistics.length; s++) {
      const statistic = statistics[s] as Statistic;
      statistic.evaluate(weights, replicates[s] as Replicates, r * statistic.kMax);
    }
  }
  return replicates;
}

/** Column k - 1 of a resamples × kMax replicate matrix. */
export function replicateColumn(matrix: Float64Array, kMax: number, k: number): Float64Array {
  const resamples = kMax > 0 ? matrix.length / kMax : 0;
  const column = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) column[r] = matrix[r * kMax + k - 1] as number;
  return column;
}

/** Percentile intervals for every k of a replicate matrix (NaN when there are no replicates). */
export function curveIntervals(matrix: Float64Array, kMax: number, level: number): { low: Float64Array; high: Float64Array } {
  const low = new Float64Array(kMax).fill(NaN);
  const high = new Float64Array(kMax).fill(NaN);
  if (matrix.length === 0) return { low, high };
  for (let k = 1; k <= kMax; k++) {
    const { lo, hi } = percentileInterval(replicateColumn(matrix, kMax, k), level);
    low[k - 1] = lo;
    high[k - 1] = hi;
  }
  return { low, high };
}
