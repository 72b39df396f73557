/** `decomposition.csv`: the shift-share decomposition of acc_a − acc_b of one comparison (a compared, b the base policy), per variant, with task-clustered intervals and thin-data flags. */
import type { DecompositionRow } from '../../analyses/mechanism/decomposition-rows';
import { SHIFT_SHARE_VARIANTS } from '../../analyses/mechanism/shift-share';
import { defineCsvTable } from './csv-table';
import { budget, int, oneOf, optionalNum, text } from './cells';

/** The columns of `decomposition.csv` (docs/mechanism.md); undefined numbers are blank. */
export const decompositionTable = defineCsvTable<DecompositionRow>('decomposition.csv', {
  scheme: text,
  family: text,
  budget,
  policy_a: text,
  policy_b: text,
  variant: oneOf(SHIFT_SHARE_VARIANTS),
  acc_a: optionalNum,
  acc_b: optionalNum,
  total: optionalNum,
  total_lo: optionalNum,
  total_hi: optionalNum,
  reweighting: optionalNum,
  reweighting_lo: optionalNum,
  reweighting_hi: optionalNum,
  within: optionalNum,
  within_lo: optionalNum,
  within_hi: optionalNum,
  support: optionalNum,
  support_lo: optionalNum,
  support_hi: optionalNum,
  new_share: optionalNum,
  lost_share: optionalNum,
  new_strategies: text,
  lost_strategies: text,
  thin: text,
  tasks: int,
  episodes_a: int,
  episodes_b: int,
});
