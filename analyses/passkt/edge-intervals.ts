/**
 * Curve intervals at the edges: a PASS@(k,T) point at 0 or 1 (every task solved at k = n) gets the
 * Clopper–Pearson interval over its tasks instead of the collapsed percentile interval [1, 1], and a
 * paired difference that is 0 in every resample (two curves at 1 on every task) gets the bound on the
 * share of discordant tasks instead of [0, 0] (analyses/stats/proportion-interval). Intervals that were
 * not computed (no resamples) stay NaN.
 */
import { differenceInterval, proportionInterval } from '../stats/proportion-interval';

/** Per-k intervals of a curve. */
export interface CurveInterval {
  low: Float64Array;
  high: Float64Array;
}

/** Replaces, in place, the intervals of a curve at every k where its estimate is at 0 or 1. */
export function edgeAware(estimate: Float64Array, interval: CurveInterval, tasks: ArrayLike<number>, level: number): CurveInterval {
  for (let k = 0; k < estimate.length; k++) {
    if (Number.isNaN(interval.low[k] as number)) continue;
    const { lo, hi } = proportionInterval(estimate[k] as number, interval.low[k] as number, interval.high[k] as number, tasks[k] as number, level);
    interval.low[k] = lo;
    interval.high[k] = hi;
  }
  return interval;
}

/**
 * Replaces, in place, the intervals of a paired difference at every k where it is 0 in every resample;
 * `floor` bounds a replaced interval from below (0 for Δ_k, which is never negative per task).
 */
export function edgeAwareDifference(diff: Float64Array, interval: CurveInterval, tasks: ArrayLike<number>, level: number, floor = -Infinity): CurveInterval {
  for (let k = 0; k < diff.length; k++) {
    if (Number.isNaN(interval.low[k] as number)) continue;
    const { lo, hi, method } = differenceInterval(diff[k] as number, interval.low[k] as number, interval.high[k] as number, tasks[k] as number, level);
    interval.low[k] = method === 'clopper-pearson' ? Math.max(lo, floor) : lo;
    interval.high[k] = hi;
  }
  return interval;
}
