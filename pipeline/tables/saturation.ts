/** `saturation.csv`: the saturation depth T* per (policy, family, k): the smallest T after which every further Δ_T is below `threshold`. */
import { defineCsvTable } from './csv-table';
import { bool, int, num, oneOf, optionalInt, optionalNum, text } from './cells';
import type { RowOf } from './row-of';

/** The columns of `saturation.csv`; `t_star` is blank when the curve never saturates, `t_star_high` when that happens in more than the upper tail of resamples. */
export const saturationTable = defineCsvTable('saturation.csv', {
  policy: text,
  family: text,
  k: int,
  t_star: optionalInt,
  saturated: bool,
  threshold: num,
  pass_at_t_star: optionalNum,
  max_budget: int,
  pass_at_max: optionalNum,
  mode: oneOf(['capped', 'thresholded']),
  t_star_low: optionalInt,
  t_star_high: optionalInt,
});

/** A row of `saturation.csv`. */
export type SaturationRow = RowOf<typeof saturationTable>;
