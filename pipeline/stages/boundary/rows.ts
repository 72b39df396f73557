/**
 * The boundary stage's output tables: `boundary.csv` (FORMAT.md), `boundary_tasks.json` (the task
 * ids of each set) and `verdict.csv`, plus the verdict sentences.
 */
import type { BoundaryRow, VerdictRow } from '../../../analyses/passkt/boundary-table';
import { verdictSentence } from '../../../analyses/passkt/verdict';
import { cell } from '../passkt/rows';

/** `boundary.csv` (FORMAT.md). */
export const BOUNDARY_COLUMNS = ['family', 'budget', 'policy_a', 'policy_b', 'k', 'only_a', 'only_b', 'both', 'neither', 'p_value'] as const;
/** `verdict.csv`. */
export const VERDICT_COLUMNS = ['family', 'budget', 'policy_a', 'policy_b', 'verdict', 'k', 'only_a', 'only_b', 'both', 'neither', 'p_value', 'shared_tasks', 'shared_pass1_diff', 'shared_ci_low', 'shared_ci_high'] as const;

/** Rows of `boundary.csv`. */
export function boundaryRows(rows: readonly BoundaryRow[]): Record<string, unknown>[] {
  return rows.map((row) => ({
    family: row.family,
    budget: row.budget,
    policy_a: row.a,
    policy_b: row.b,
    k: row.k,
    only_a: row.onlyA.length,
    only_b: row.onlyB.length,
    both: row.both.length,
    neither: row.neither.length,
    p_value: row.pValue,
  }));
}

/** The content of `boundary_tasks.json`: the task ids behind every boundary row. */
export function boundaryTasks(rows: readonly BoundaryRow[]): Record<string, unknown>[] {
  return rows.map((row) => ({
    family: row.family,
    budget: row.budget,
    policy_a: row.a,
    policy_b: row.b,
    k: row.k,
    n_max: row.nMax,
    only_a: row.onlyA,
    only_b: row.onlyB,
    both: row.both,
    neither: row.neither,
    excluded: row.excluded,
  }));
}

/** Rows of `verdict.csv`. */
export function verdictRows(rows: readonly VerdictRow[]): Record<string, unknown>[] {
  return rows.map((row) => ({
    family: row.family,
    budget: row.budget,
    policy_a: row.a,
    policy_b: row.b,
    verdict: row.verdict,
    k: row.k,
    only_a: row.onlyA,
    only_b: row.onlyB,
    both: row.both,
    neither: row.neither,
    p_value: row.pValue,
    shared_tasks: row.sharedTasks,
    shared_pass1_diff: cell(row.sharedPass1Diff),
    shared_ci_low: cell(row.sharedPass1Low),
    shared_ci_high: cell(row.sharedPass1High),
  }));
}

/** The sentence of a verdict row. */
export function sentenceOf(row: VerdictRow): string {
  return verdictSentence({ family: row.family, budget: String(row.budget), a: row.a, b: row.b, k: row.k }, row.verdict, row);
}
