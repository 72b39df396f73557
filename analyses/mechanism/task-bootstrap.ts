/**
 * The task-clustered bootstrap: each replicate draws tasks with replacement (whole tasks, with all
 * their episodes of both policies), so intervals account for episodes of one task being alike.
 */
import type { Rng } from '../random/rng';
import { percentileInterval } from './percentile';

/** Replicate weights: row r holds how many times each task was drawn in replicate r. */
export interface TaskResamples {
  replicates: number;
  tasks: number;
  /** Row-major replicates × tasks. */
  counts: Int32Array;
}

/** Draws `replicates` resamples of `tasks` tasks with replacement. */
export function drawTaskResamples(tasks: number, replicates: number, rng: Rng): TaskResamples {
  const counts = new Int32Array(replicates * tasks);
  for (let r = 0; r < replicates; r++) {
    const row = r * tasks;
    for (let i = 0; i < tasks; i++) counts[row + rng.int(tasks)]! += 1;
  }
  return { replicates, tasks, counts };
}

/** The weights of replicate r (a view, no copy). */
export function replicateWeights(resamples: TaskResamples, r: number): Int32Array {
  return resamples.counts.subarray(r * resamples.tasks, (r + 1) * resamples.tasks);
}

/** Percentile intervals of a vector statistic over all replicates. */
export function bootstrapIntervals(
  resamples: TaskResamples,
  statistic: (weights: Int32Array) => ArrayLike<number>,
  level: number,
): { lo: Float64Array; hi: Float64Array } {
  const draws: Float64Array[] = [];
  for (let r = 0; r < resamples.replicates; r++) {
    const values = statistic(replicateWeights(resamples, r));
    if (draws.length === 0) for (let j = 0; j < values.length; j++) draws.push(new Float64Array(resamples.replicates));
    for (let j = 0; j < values.length; j++) draws[j]![r] = values[j]!;
  }
  const lo = new Float64Array(draws.length);
  const hi = new Float64Array(draws.length);
  draws.forEach((values, j) => {
    const interval = percentileInterval(values, level);
    lo[j] = interval.lo;
    hi[j] = interval.hi;
  });
  return { lo, hi };
}
