/** Percentile bootstrap intervals. */
import { sortedQuantile } from '../passkt/quantile';

/**
 * The central `level` interval of the finite values (undefined statistics of a replicate, e.g. the
 * success rate of a strategy the replicate does not contain, are left out); NaN when none is finite.
 */
export function percentileInterval(values: ArrayLike<number>, level: number): { lo: number; hi: number } {
  if (!(level > 0 && level < 1)) throw new RangeError(`interval level must be in (0, 1), got ${level}`);
  const finite = Float64Array.from(Array.prototype.filter.call(values, Number.isFinite) as number[]).sort();
  const tail = (1 - level) / 2;
  return { lo: sortedQuantile(finite, tail), hi: sortedQuantile(finite, 1 - tail) };
}
