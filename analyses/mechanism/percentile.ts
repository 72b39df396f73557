/** Percentile bootstrap intervals. */

/** The q-quantile of sorted values, linearly interpolated (Hyndman–Fan type 7, R's default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  const fraction = position - below;
  return sorted[below]! + fraction * (sorted[above]! - sorted[below]!);
}

/**
 * The central `level` interval of the finite values (undefined statistics of a replicate, e.g. the
 * success rate of a strategy the replicate does not contain, are left out); NaN when none is finite.
 */
export function percentileInterval(values: ArrayLike<number>, level: number): { lo: number; hi: number } {
  if (!(level > 0 && level < 1)) throw new RangeError(`interval level must be in (0, 1), got ${level}`);
  const finite = Float64Array.from(Array.prototype.filter.call(values, Number.isFinite) as number[]).sort();
  const tail = (1 - level) / 2;
  return { lo: quantileSorted(finite, tail), hi: quantileSorted(finite, 1 - tail) };
}
