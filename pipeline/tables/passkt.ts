/** `passkt.csv` (FORMAT.md) and `passhatk.csv`: PASS@(k,T) (resp. pass^k) over `tasks` tasks, with a 95% bootstrap interval over tasks. */
import { defineCsvTable } from './csv-table';
import { budget, int, oneOf, optionalNum, text } from './cells';
import type { RowOf } from './row-of';

/** The columns of `passkt.csv`; `pass` and the interval are blank when no task reaches k or no resample ran. */
export const passTable = defineCsvTable('passkt.csv', {
  policy: text,
  family: text,
  budget,
  k: int,
  pass: optionalNum,
  ci_low: optionalNum,
  ci_high: optionalNum,
  tasks: int,
  mode: oneOf(['capped', 'thresholded']),
});

/** `passhatk.csv`: pass^k (all k episodes correct), the same columns. */
export const passHatTable = passTable.as('passhatk.csv');

/** A row of `passkt.csv` / `passhatk.csv`. */
export type PassRow = RowOf<typeof passTable>;
