/**
 * An independent task bootstrap for checking the experiment tables: draws tasks with replacement from
 * the same random stream (m calls of rng.int(m) per resample), recomputes the statistic from the drawn
 * tasks' items by brute force, and takes type-7 quantiles of the sorted finite values.
 */
import type { Rng } from '../../../analyses/random/rng';

/** The type-7 quantile of sorted values. */
export function quantile7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
}

/** The 95% percentile interval of `statistic(drawn tasks)` over `resamples` resamples of `tasks`. */
export function bruteInterval<T>(tasks: readonly T[], resamples: number, rng: Rng, statistic: (drawn: T[]) => number): { lo: number; hi: number } {
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const drawn = Array.from({ length: tasks.length }, () => tasks[rng.int(tasks.length)]!);
    const value = statistic(drawn);
    if (Number.isFinite(value)) values.push(value);
  }
  values.sort((a, b) => a - b);
  return { lo: quantile7(values, 0.025), hi: quantile7(values, 0.975) };
}
