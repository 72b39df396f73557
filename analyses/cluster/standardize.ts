/** Z-score standardization of feature columns, fitted on a sample and applied to every episode. */

/** Column means and standard deviations (population); a constant column gets scale 0 and becomes 0. */
export interface Standardizer {
  means: Float64Array;
  stds: Float64Array;
}

/** Fits means and standard deviations on rows of equal length. */
export function fitStandardizer(rows: readonly ArrayLike<number>[]): Standardizer {
  const d = rows[0]?.length ?? 0;
  const means = new Float64Array(d);
  const stds = new Float64Array(d);
  const n = rows.length;
  if (n === 0) return { means, stds };
  for (const row of rows) for (let j = 0; j < d; j++) means[j]! += row[j]!;
  for (let j = 0; j < d; j++) means[j]! /= n;
  for (const row of rows) for (let j = 0; j < d; j++) stds[j]! += (row[j]! - means[j]!) ** 2;
  for (let j = 0; j < d; j++) stds[j] = Math.sqrt(stds[j]! / n);
  return { means, stds };
}

/** Standardizes one row: (x - mean) / std, and 0 for constant columns. */
export function standardize(standardizer: Standardizer, row: ArrayLike<number>): number[] {
  const { means, stds } = standardizer;
  const out = new Array<number>(means.length);
  for (let j = 0; j < means.length; j++) out[j] = stds[j]! > 1e-12 ? (row[j]! - means[j]!) / stds[j]! : 0;
  return out;
}
