/** `power.csv`: per policy pair at each family's headline budget, the boundary difference the experiment can detect and the tasks the observed one would need (docs/passkt.md). */
import { defineCsvTable } from './csv-table';
import { budget, int, num, optionalInt, optionalNum, text } from './cells';
import type { RowOf } from './row-of';

/** The columns of `power.csv`; `tasks_needed` is blank when nothing was observed or more than `max_tasks` would be needed. */
export const powerTable = defineCsvTable('power.csv', {
  family: text,
  budget,
  policy_a: text,
  policy_b: text,
  tasks: int,
  n: int,
  observed_diff: int,
  alpha: num,
  tests: int,
  alpha_adjusted: num,
  target_power: num,
  detectable_gain: optionalNum,
  detectable_loss: optionalNum,
  tasks_needed: optionalInt,
  max_tasks: int,
});

/** A row of `power.csv`. */
export type PowerCsvRow = RowOf<typeof powerTable>;
