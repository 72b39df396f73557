/** Type-7 quantiles (R's default): of sorted values, and by selection in linear time. */

/** The q-quantile of ascending sorted values, interpolating linearly between order statistics (R type 7). */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const count = sorted.length;
  if (count === 0) return NaN;
  const position = (count - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, count - 1);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

/** Rearranges values[left..right] so that values[k] holds the value it would hold if sorted (quickselect). */
export function selectInPlace(values: Float64Array, k: number, left = 0, right = values.length - 1): void {
  while (right > left) {
    // median of three as the pivot keeps sorted and constant inputs linear
    const middle = (left + right) >>> 1;
    const a = values[left] as number;
    const b = values[middle] as number;
    const c = values[right] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/** The type-7 q-quantile of values[0..count), which this reorders (linear time, no sort). */
export function selectQuantile(values: Float64Array, count: number, q: number): number {
  const position = (count - 1) * q;
  const lower = Math.floor(position);
  selectInPlace(values, lower, 0, count - 1);
  const low = values[lower] as number;
  if (position === lower) return low;
  // after selection everything right of `lower` is >= low: the next order statistic is their minimum
  let next = Infinity;
  for (let i = lower + 1; i < count; i++) if ((values[i] as number) < next) next = values[i] as number;
  return low + (next - low) * (position - lower);
}
