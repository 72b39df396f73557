/**
 * The percentile bootstrap interval. Thousands are taken per run (every k, curve, difference, marginal
 * value and decomposition term), so the two order statistics are found by selection in linear time.
 */
import { selectQuantile } from './quantile';

let scratch = new Float64Array(0);

/**
 * The central `level` interval (type-7 quantiles) of the finite values: undefined statistics of a
 * resample (no eligible task, a strategy the resample does not contain) are left out. NaN bounds when
 * no value is finite. The input is left untouched.
 */
export function percentileInterval(values: ArrayLike<number>, level: number): { lo: number; hi: number } {
  if (!(level > 0 && level < 1)) throw new RangeError(`interval level must be in (0, 1), got ${level}`);
  if (scratch.length < values.length) scratch = new Float64Array(values.length);
  let finite = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (Number.isFinite(value)) scratch[finite++] = value;
  }
  if (finite === 0) return { lo: NaN, hi: NaN };
  const tail = (1 - level) / 2;
  return { lo: selectQuantile(scratch, finite, tail), hi: selectQuantile(scratch, finite, 1 - tail) };
}
