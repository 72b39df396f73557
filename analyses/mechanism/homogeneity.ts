/**
 * Chi-square and G (log-likelihood ratio) tests of homogeneity for an R × K contingency table:
 * do the R policies draw their episodes' strategies from the same distribution?
 */
import { chiSquareSurvival } from './chi-square';
import { cramersV } from './cramers-v';

/** The outcome of a homogeneity test on a contingency table. */
export interface HomogeneityTest {
  /** Pearson's X² = Σ (O − E)² / E. */
  chi2: number;
  /** G = 2 Σ O ln(O / E). */
  g: number;
  /** (rows − 1)(columns − 1), counting only rows and columns with a non-zero total. */
  df: number;
  /** P(χ²(df) > chi2); 1 when df = 0 (nothing to compare). */
  p_value: number;
  /** P(χ²(df) > g); 1 when df = 0. */
  g_p_value: number;
  /** The smallest expected cell count (below 5 the χ² approximation is rough). */
  min_expected: number;
  /** Cramér's V from chi2 (0 when df = 0). */
  cramers_v: number;
  /** Total count. */
  n: number;
}

/** Tests homogeneity of the rows of a table of counts (rows = groups, columns = categories). */
export function homogeneityTest(table: readonly (readonly number[])[]): HomogeneityTest {
  const columns = table[0]?.length ?? 0;
  for (const row of table) {
    if (row.length !== columns) throw new RangeError('homogeneityTest: rows of different lengths');
    for (const value of row) if (!(value >= 0)) throw new RangeError(`homogeneityTest: bad count ${value}`);
  }
  // Empty rows and columns carry no information and would give zero expected counts.
  const rows = table.filter((row) => row.some((value) => value > 0));
  const columnTotals = new Array<number>(columns).fill(0);
  for (const row of rows) row.forEach((value, k) => (columnTotals[k]! += value));
  const keep = columnTotals.map((total, k) => (total > 0 ? k : -1)).filter((k) => k >= 0);
  const n = columnTotals.reduce((sum, total) => sum + total, 0);
  const df = Math.max(0, rows.length - 1) * Math.max(0, keep.length - 1);
  let chi2 = 0;
  let g = 0;
  let minExpected = Infinity;
  for (const row of rows) {
    const rowTotal = row.reduce((sum, value) => sum + value, 0);
    for (const k of keep) {
      const observed = row[k]!;
      const expected = (rowTotal * columnTotals[k]!) / n;
      minExpected = Math.min(minExpected, expected);
      chi2 += ((observed - expected) * (observed - expected)) / expected;
      if (observed > 0) g += 2 * observed * Math.log(observed / expected);
    }
  }
  if (df === 0) {
    return { chi2: 0, g: 0, df, p_value: 1, g_p_value: 1, min_expected: n > 0 ? minExpected : NaN, cramers_v: 0, n };
  }
  // Rounding can leave G a hair below zero when the table is exactly homogeneous.
  g = Math.max(0, g);
  return {
    chi2,
    g,
    df,
    p_value: chiSquareSurvival(chi2, df),
    g_p_value: chiSquareSurvival(g, df),
    min_expected: minExpected,
    cramers_v: cramersV(chi2, n, rows.length, keep.length),
    n,
  };
}
