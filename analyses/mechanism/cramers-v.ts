/** Cramér's V, the chi-square effect size in [0, 1]: sqrt(X² / (n · (min(rows, columns) − 1))). */
export function cramersV(chi2: number, n: number, rows: number, columns: number): number {
  const m = Math.min(rows, columns) - 1;
  if (m <= 0 || n <= 0) return 0;
  return Math.sqrt(chi2 / (n * m));
}
