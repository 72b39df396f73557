/**
 * The task-clustered bootstrap: each resample draws tasks with replacement (whole tasks, with all
 * their episodes of every policy), so intervals account for the episodes of one task being alike. A
 * resample is a vector of weights: how many times each task was drawn. Every statistic of the project
 * (PASS@(k,T) curves, decompositions, diversity means) is a weighted function of per-task values.
 */
import type { Rng } from '../random/rng';
import { percentileInterval } from './percentile-interval';

/** Draws one resample of m tasks with replacement, calling `visit` with each drawn task's index in draw order. */
export function drawTasks(rng: Rng, m: number, visit: (task: number) => void): void {
  for (let i = 0; i < m; i++) visit(rng.int(m));
}

/** Fills `weights` with how often each of its m tasks is drawn in one resample of m tasks with replacement. */
export function drawTaskWeights(rng: Rng, weights: Float64Array): void {
  weights.fill(0);
  drawTasks(rng, weights.length, (task) => {
    weights[task] = (weights[task] as number) + 1;
  });
}

/** Resample weights drawn up front: row r holds how many times each task was drawn in resample r. */
export interface TaskResamples {
  replicates: number;
  tasks: number;
  /** Row-major replicates × tasks. */
  counts: Float64Array;
}

/** Draws `replicates` resamples of `tasks` tasks with replacement. */
export function drawTaskResamples(tasks: number, replicates: number, rng: Rng): TaskResamples {
  const counts = new Float64Array(replicates * tasks);
  for (let r = 0; r < replicates; r++) drawTaskWeights(rng, counts.subarray(r * tasks, (r + 1) * tasks));
  return { replicates, tasks, counts };
}

/** The weights of replicate r (a view, no copy). */
export function replicateWeights(resamples: TaskResamples, r: number): Float64Array {
  return resamples.counts.subarray(r * resamples.tasks, (r + 1) * resamples.tasks);
}

/**
 * A ratio of per-task sums under task weights, Σ w·numerator / Σ w·denominator (weights null: every task
 * once) — a pooled mean over episodes that the task bootstrap reweights; NaN when the weighted
 * denominator is 0.
 */
export function weightedRatio(numerator: Float64Array, denominator: Float64Array, weights: Float64Array | null): number {
  let top = 0;
  let bottom = 0;
  for (let task = 0; task < numerator.length; task++) {
    const w = weights ? weights[task]! : 1;
    top += w * numerator[task]!;
    bottom += w * denominator[task]!;
  }
  return bottom > 0 ? top / bottom : NaN;
}

/** Percentile intervals of a vector statistic over all replicates. */
export function bootstrapIntervals(
  resamples: TaskResamples,
  statistic: (weights: Float64Array) => ArrayLike<number>,
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

/** A mean over tasks and its bootstrap interval. */
export interface MeanInterval {
  mean: number;
  low: number;
  high: number;
}

/** The mean of per-task `values` with a `level` task-bootstrap interval from `resamples` resamples (NaN when empty). */
export function bootstrapMean(values: readonly number[], rng: Rng, resamples: number, level = 0.95): MeanInterval {
  const n = values.length;
  if (n === 0) return { mean: NaN, low: NaN, high: NaN };
  let total = 0;
  for (const value of values) total += value;
  const mean = total / n;
  if (n === 1 || resamples <= 0) return { mean, low: mean, high: mean };
  // Summed in draw order (not as a weighted sum) so the means are bit-for-bit those of earlier releases.
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    drawTasks(rng, n, (task) => {
      sum += values[task]!;
    });
    means[r] = sum / n;
  }
  const { lo, hi } = percentileInterval(means, level);
  return { mean, low: lo, high: hi };
}
