/**
 * A bootstrap interval for a statistic that takes few values (a crossover k, a saturation depth T* of
 * the budget grid): the order statistics that bracket the type-7 (1 ∓ level)/2 quantiles — the one
 * below the lower quantile and the one above the upper — so both bounds are values the statistic can
 * take (never k = 3.4 or T* = 2.5) and the interval is never narrower than the type-7 one.
 * +Infinity stands for "beyond the grid" (no crossover, not saturated) and sorts last; NaN
 * replicates (statistic undefined in that resample) are left out.
 */

/** The bracketing order statistics of the central `level` interval; NaN bounds when no replicate is defined. */
export function orderStatisticInterval(values: ArrayLike<number>, level: number): { lo: number; hi: number } {
  if (!(level > 0 && level < 1)) throw new RangeError(`interval level must be in (0, 1), got ${level}`);
  const defined: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i] as number)) defined.push(values[i] as number);
  if (defined.length === 0) return { lo: NaN, hi: NaN };
  defined.sort((x, y) => (x === y ? 0 : x < y ? -1 : 1));
  const tail = (1 - level) / 2;
  const last = defined.length - 1;
  return { lo: defined[Math.floor(last * tail)] as number, hi: defined[Math.ceil(last * (1 - tail))] as number };
}
