/**
 * Normalized mutual information of two labelings: I(A;B) / mean(H(A), H(B)) (arithmetic mean, the
 * scikit-learn default), in [0, 1].
 */
import type { Contingency } from './contingency';

/** NMI from a contingency table (1 when both labelings are constant, as scikit-learn does). */
export function normalizedMutualInformation(table: Contingency): number {
  const n = table.total;
  if (n === 0) return Number.NaN;
  const rowSums = table.counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = table.columns.map((_, j) => table.counts.reduce((sum, row) => sum + row[j]!, 0));
  const entropy = (sums: number[]): number => -sums.reduce((h, s) => (s > 0 ? h + (s / n) * Math.log(s / n) : h), 0);
  const ha = entropy(rowSums);
  const hb = entropy(columnSums);
  if (ha === 0 && hb === 0) return 1;
  let mi = 0;
  table.counts.forEach((row, i) =>
    row.forEach((value, j) => {
      if (value > 0) mi += (value / n) * Math.log((n * value) / (rowSums[i]! * columnSums[j]!));
    }),
  );
  const denominator = (ha + hb) / 2;
  return denominator === 0 ? 0 : Math.max(0, Math.min(1, mi / denominator));
}
