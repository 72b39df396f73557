/**
 * Adjusted Rand index (Hubert & Arabie 1985) from a contingency table: the Rand index corrected for chance,
 * 1 for identical partitions, about 0 for independent ones.
 */
import type { Contingency } from './contingency';

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

/** ARI of the two labelings summarized by a contingency table (1 when both put everything in one group). */
export function adjustedRandIndex(table: Contingency): number {
  let index = 0;
  const rowSums = table.counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = table.columns.map((_, j) => table.counts.reduce((sum, row) => sum + row[j]!, 0));
  for (const row of table.counts) for (const value of row) index += pairs(value);
  const rowPairs = rowSums.reduce((sum, value) => sum + pairs(value), 0);
  const columnPairs = columnSums.reduce((sum, value) => sum + pairs(value), 0);
  const total = pairs(table.total);
  if (total === 0) return 1;
  const expected = (rowPairs * columnPairs) / total;
  const maximum = (rowPairs + columnPairs) / 2;
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
