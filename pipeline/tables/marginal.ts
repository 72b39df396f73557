/** `marginal.csv`: Δ_k (kind `k`: PASS@(2k,T) − PASS@(k,T)) and Δ_T (kind `T`: the next budget of the grid at one k), with intervals. */
import { defineCsvTable } from './csv-table';
import { budget, int, oneOf, optionalNum, text } from './cells';
import type { RowOf } from './row-of';

/** The columns of `marginal.csv`. */
export const marginalTable = defineCsvTable('marginal.csv', {
  policy: text,
  family: text,
  kind: oneOf(['k', 'T']),
  k_from: int,
  k_to: int,
  budget_from: budget,
  budget_to: budget,
  delta: optionalNum,
  ci_low: optionalNum,
  ci_high: optionalNum,
  mode: oneOf(['capped', 'thresholded']),
  tasks: int,
});

/** A row of `marginal.csv`. */
export type MarginalRow = RowOf<typeof marginalTable>;
