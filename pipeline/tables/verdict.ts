/** `verdict.csv`: the boundary verdict per family, budget and policy pair, with its evidence. */
import { defineCsvTable } from './csv-table';
import { budget, int, num, optionalNum, text } from './cells';
import type { RowOf } from './row-of';

/** The columns of `verdict.csv`. */
export const verdictTable = defineCsvTable('verdict.csv', {
  family: text,
  budget,
  policy_a: text,
  policy_b: text,
  verdict: text,
  k: int,
  only_a: int,
  only_b: int,
  both: int,
  neither: int,
  p_value: num,
  shared_tasks: int,
  shared_pass1_diff: optionalNum,
  shared_ci_low: optionalNum,
  shared_ci_high: optionalNum,
});

/** A row of `verdict.csv`. */
export type VerdictCsvRow = RowOf<typeof verdictTable>;
