/** `crossover.csv`: where the PASS@(k,T) curves of policy_a and policy_b cross (docs/passkt.md defines each status). */
import { CROSSOVER_STATUSES } from '../../analyses/passkt/crossover';
import { defineCsvTable } from './csv-table';
import { budget, int, num, oneOf, optionalBool, optionalInt, optionalNum, text } from './cells';
import type { RowOf } from './row-of';

/** The columns of `crossover.csv`; the k interval is blank unless the curves cross (its high end also when it lies beyond the grid). */
export const crossoverTable = defineCsvTable('crossover.csv', {
  family: text,
  budget,
  policy_a: text,
  policy_b: text,
  crossover_k: optionalInt,
  status: oneOf(CROSSOVER_STATUSES),
  diff_at_1: optionalNum,
  diff_at_max: optionalNum,
  k_max: int,
  crossover_k_low: optionalInt,
  crossover_k_high: optionalInt,
  significant: optionalBool,
  tolerance: num,
});

/** A row of `crossover.csv`. */
export type CrossoverRow = RowOf<typeof crossoverTable>;
