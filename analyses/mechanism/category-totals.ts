/** Episode and success counts per category (strategy, or retrieved/missed) for one policy. */

/** Per-category totals of one policy; counts may be bootstrap-weighted (hence floats). */
export interface CategoryTotals {
  /** Episodes per category. */
  n: Float64Array;
  /** Correct episodes per category. */
  correct: Float64Array;
}

/** Creates zeroed totals over k categories. */
export function emptyTotals(k: number): CategoryTotals {
  return { n: new Float64Array(k), correct: new Float64Array(k) };
}

/** Total episodes. */
export function totalEpisodes(totals: CategoryTotals): number {
  let sum = 0;
  for (const value of totals.n) sum += value;
  return sum;
}

/** Overall accuracy Σ correct / Σ n (NaN when there are no episodes). */
export function overallAccuracy(totals: CategoryTotals): number {
  let n = 0;
  let correct = 0;
  for (let k = 0; k < totals.n.length; k++) {
    n += totals.n[k]!;
    correct += totals.correct[k]!;
  }
  return n > 0 ? correct / n : NaN;
}

/** Share of episodes in each category (NaN everywhere when there are no episodes). */
export function shares(totals: CategoryTotals): Float64Array {
  const total = totalEpisodes(totals);
  return totals.n.map((value) => (total > 0 ? value / total : NaN));
}

/** Success rate per category (NaN where the category has no episodes). */
export function accuracies(totals: CategoryTotals): Float64Array {
  return totals.n.map((value, k) => (value > 0 ? totals.correct[k]! / value : NaN));
}
