/**
 * `boundary.csv` (FORMAT.md): tasks solved at least once in k samples by a but never by b, and so on,
 * with the exact McNemar p-value, its Holm adjustment and its Benjamini–Hochberg q-value over every
 * row of the file (the family of boundary tests, stated in the boundary stage's manifest).
 */
import { defineCsvTable } from './csv-table';
import { budget, int, num, text } from './cells';
import type { RowOf } from './row-of';

/** The columns of `boundary.csv`. */
export const boundaryTable = defineCsvTable('boundary.csv', {
  family: text,
  budget,
  policy_a: text,
  policy_b: text,
  k: int,
  only_a: int,
  only_b: int,
  both: int,
  neither: int,
  p_value: num,
  p_holm: num,
  q_bh: num,
});

/** A row of `boundary.csv`. */
export type BoundaryCsvRow = RowOf<typeof boundaryTable>;
