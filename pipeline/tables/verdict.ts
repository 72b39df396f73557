/** `verdict.csv`: the boundary verdict per family, budget and policy pair, with its evidence and the adjusted p-values it was decided on. */
import { VERDICTS, type VerdictEvidence } from '../../analyses/passkt/verdict';
import { defineCsvTable } from './csv-table';
import { budget, int, num, oneOf, optionalNum, text } from './cells';
import type { RowOf } from './row-of';

/** The columns of `verdict.csv`. */
export const verdictTable = defineCsvTable('verdict.csv', {
  family: text,
  budget,
  policy_a: text,
  policy_b: text,
  verdict: oneOf(VERDICTS),
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
  p_adj: num,
  shared_p_value: optionalNum,
  shared_p_adj: optionalNum,
});

/** A row of `verdict.csv`. */
export type VerdictCsvRow = RowOf<typeof verdictTable>;

/** The evidence of a verdict row as the verdict sentence reads it (blank numbers are NaN). */
export function verdictEvidenceOf(row: VerdictCsvRow): VerdictEvidence {
  return {
    onlyA: row.only_a,
    onlyB: row.only_b,
    pValue: row.p_value,
    pAdjusted: row.p_adj,
    sharedTasks: row.shared_tasks,
    sharedPass1Diff: row.shared_pass1_diff ?? NaN,
    sharedPass1Low: row.shared_ci_low ?? NaN,
    sharedPass1High: row.shared_ci_high ?? NaN,
    sharedPValue: row.shared_p_value ?? NaN,
    sharedPAdjusted: row.shared_p_adj ?? NaN,
  };
}
