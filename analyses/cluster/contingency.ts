import { compareNatural } from '../stats/compare-text';
/** Contingency table of two labelings of the same items, the basis of ARI and NMI. */

/** Counts of (row label, column label) pairs with their margins. */
export interface Contingency {
  rows: string[];
  columns: string[];
  /** counts[i][j]: items with row label rows[i] and column label columns[j]. */
  counts: number[][];
  total: number;
}

/** Builds the contingency table of two equally long labelings (labels sorted for a stable layout). */
export function contingency(a: readonly (string | number)[], b: readonly (string | number)[]): Contingency {
  if (a.length !== b.length) throw new Error(`labelings differ in length (${a.length} vs ${b.length})`);
  const cells = new Map<string, Map<string, number>>();
  for (let i = 0; i < a.length; i++) addCell(cells, String(a[i]), String(b[i]), 1);
  return fromCells(cells);
}

/** Builds a contingency table from nested counts (row -> column -> count). */
export function fromCells(cells: ReadonlyMap<string, ReadonlyMap<string, number>>): Contingency {
  const rows = [...cells.keys()].sort(compareNatural);
  const columnSet = new Set<string>();
  for (const row of cells.values()) for (const column of row.keys()) columnSet.add(column);
  const columns = [...columnSet].sort(compareNatural);
  let total = 0;
  const counts = rows.map((row) =>
    columns.map((column) => {
      const value = cells.get(row)?.get(column) ?? 0;
      total += value;
      return value;
    }),
  );
  return { rows, columns, counts, total };
}

/** Adds `count` to one cell of nested counts. */
export function addCell(cells: Map<string, Map<string, number>>, row: string, column: string, count: number): void {
  let inner = cells.get(row);
  if (!inner) cells.set(row, (inner = new Map()));
  inner.set(column, (inner.get(column) ?? 0) + count);
}

