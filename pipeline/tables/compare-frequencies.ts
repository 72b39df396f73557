/** `compare_frequencies.csv`: per strategy, how often policies a and b use it and how well they do with it, with task-clustered intervals, plus the table's homogeneity test. */
import type { FrequencyRow } from '../../analyses/mechanism/frequency-rows';
import { defineCsvTable } from './csv-table';
import { budget, int, num, oneOf, optionalNum, text } from './cells';

/** The columns of `compare_frequencies.csv` (docs/mechanism.md); undefined numbers are blank. */
export const compareFrequenciesTable = defineCsvTable<FrequencyRow>('compare_frequencies.csv', {
  scheme: text,
  family: text,
  budget,
  policy_a: text,
  policy_b: text,
  strategy: text,
  support: oneOf(['both', 'gained', 'lost', 'neither']),
  count_a: int,
  count_b: int,
  share_a: num,
  share_a_lo: optionalNum,
  share_a_hi: optionalNum,
  share_b: num,
  share_b_lo: optionalNum,
  share_b_hi: optionalNum,
  share_diff: optionalNum,
  share_diff_lo: optionalNum,
  share_diff_hi: optionalNum,
  acc_a: optionalNum,
  acc_a_lo: optionalNum,
  acc_a_hi: optionalNum,
  acc_b: optionalNum,
  acc_b_lo: optionalNum,
  acc_b_hi: optionalNum,
  tasks: int,
  episodes_a: int,
  episodes_b: int,
  chi2: optionalNum,
  g: optionalNum,
  df: int,
  p_value: optionalNum,
  g_p_value: optionalNum,
  min_expected: optionalNum,
  cramers_v: optionalNum,
  jsd: optionalNum,
});
