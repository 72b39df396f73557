/** `passkt_diff.csv`: PASS@(k,T) of policy_a minus policy_b on the tasks both have, with a paired bootstrap interval. */
import { defineCsvTable } from './csv-table';
import { budget, int, optionalNum, text } from './cells';
import type { RowOf } from './row-of';

/** The columns of `passkt_diff.csv`. */
export const passDiffTable = defineCsvTable('passkt_diff.csv', {
  family: text,
  budget,
  k: int,
  policy_a: text,
  policy_b: text,
  diff: optionalNum,
  ci_low: optionalNum,
  ci_high: optionalNum,
});

/** A row of `passkt_diff.csv`. */
export type PassDiffRow = RowOf<typeof passDiffTable>;
