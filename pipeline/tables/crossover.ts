/** `crossover.csv`: where the PASS@(k,T) curves of policy_a and policy_b cross (docs/passkt.md defines each status). */
import { defineCsvTable } from './csv-table';
import { budget, int, optionalInt, optionalNum, text } from './cells';
import type { RowOf } from './row-of';

/** The columns of `crossover.csv`. */
export const crossoverTable = defineCsvTable('crossover.csv', {
  family: text,
  budget,
  policy_a: text,
  policy_b: text,
  crossover_k: optionalInt,
  status: text,
  diff_at_1: optionalNum,
  diff_at_max: optionalNum,
  k_max: int,
});

/** A row of `crossover.csv`. */
export type CrossoverRow = RowOf<typeof crossoverTable>;
