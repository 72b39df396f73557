/**
 * The boundary stage's output tables: `boundary.csv` (FORMAT.md), `boundary_tasks.json` (the task
 * ids of each set) and `verdict.csv`, plus the verdict sentences.
 */
import type { PairBoundary } from '../../../analyses/passkt/boundary-table';
import type { PairVerdict } from '../../../analyses/passkt/verdict-table';
import type { PairPower } from '../../../analyses/passkt/power-table';
import type { PowerCsvRow } from '../../tables/power';
import { verdictSentence } from '../../../analyses/passkt/verdict';
import type { BoundaryCsvRow } from '../../tables/boundary';
import type { VerdictCsvRow } from '../../tables/verdict';
import type { BoundaryTaskSets } from '../../tables/boundary-tasks';

/** Rows of `boundary.csv`. */
export function boundaryRows(rows: readonly PairBoundary[]): BoundaryCsvRow[] {
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
    p_holm: row.pHolm,
    q_bh: row.qBh,
  }));
}

/** The content of `boundary_tasks.json`: the task ids behind every boundary row. */
export function boundaryTasks(rows: readonly PairBoundary[]): BoundaryTaskSets[] {
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
export function verdictRows(rows: readonly PairVerdict[]): VerdictCsvRow[] {
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
    shared_pass1_diff: row.sharedPass1Diff,
    shared_ci_low: row.sharedPass1Low,
    shared_ci_high: row.sharedPass1High,
    p_adj: row.pAdjusted,
    shared_p_value: row.sharedPValue,
    shared_p_adj: row.sharedPAdjusted,
  }));
}

/** The sentence of a verdict row. */
export function sentenceOf(row: PairVerdict): string {
  return verdictSentence({ family: row.family, budget: String(row.budget), a: row.a, b: row.b, k: row.k }, row.verdict, row);
}

/** Rows of `power.csv` (blank where a number does not exist or lies beyond the search). */
export function powerRows(rows: readonly PairPower[]): PowerCsvRow[] {
  return rows.map((row) => ({
    family: row.family,
    budget: row.budget,
    policy_a: row.a,
    policy_b: row.b,
    tasks: row.tasks,
    n: row.n,
    observed_diff: row.observed,
    alpha: row.alpha,
    tests: row.tests,
    alpha_adjusted: row.alphaAdjusted,
    target_power: row.target,
    detectable_gain: row.detectableGain,
    detectable_loss: row.detectableLoss,
    tasks_needed: Number.isFinite(row.tasksNeeded) ? row.tasksNeeded : null,
    max_tasks: row.maxTasks,
  }));
}
