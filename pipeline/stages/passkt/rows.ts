/**
 * The passkt stage's output tables: column lists (FORMAT.md and docs/passkt.md) and the conversion of
 * analysis results into CSV rows. Missing numbers (no interval without resamples, no T*) are blank.
 */
import type { Curve, DiffCurve } from '../../../analyses/passkt/curves';
import type { CrossoverRow } from '../../../analyses/passkt/crossover';
import type { MarginalRow } from '../../../analyses/passkt/marginal';
import type { SaturationRow } from '../../../analyses/passkt/saturation';

/** `passkt.csv` and `passhatk.csv` (FORMAT.md). */
export const PASS_COLUMNS = ['policy', 'family', 'budget', 'k', 'pass', 'ci_low', 'ci_high', 'tasks', 'mode'] as const;
/** `passkt_diff.csv`. */
export const DIFF_COLUMNS = ['family', 'budget', 'k', 'policy_a', 'policy_b', 'diff', 'ci_low', 'ci_high'] as const;
/** `marginal.csv`. */
export const MARGINAL_COLUMNS = ['policy', 'family', 'kind', 'k_from', 'k_to', 'budget_from', 'budget_to', 'delta', 'ci_low', 'ci_high', 'mode', 'tasks'] as const;
/** `saturation.csv`. */
export const SATURATION_COLUMNS = ['policy', 'family', 'k', 't_star', 'saturated', 'threshold', 'pass_at_t_star', 'max_budget', 'pass_at_max', 'mode'] as const;
/** `crossover.csv`. */
export const CROSSOVER_COLUMNS = ['family', 'budget', 'policy_a', 'policy_b', 'crossover_k', 'status', 'diff_at_1', 'diff_at_max', 'k_max'] as const;

/** A finite number, or null (written blank). */
export function cell(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : value;
}

/** Rows of `passkt.csv` (`estimator` = pass) or `passhatk.csv` (passhat), k = 1..n per curve. */
export function passRows(curves: readonly Curve[], estimator: 'pass' | 'passhat'): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const curve of curves) {
    const [value, low, high] = estimator === 'pass' ? [curve.pass, curve.passLow, curve.passHigh] : [curve.passhat, curve.passhatLow, curve.passhatHigh];
    for (let k = 1; k <= curve.kMax; k++) {
      rows.push({
        policy: curve.policy,
        family: curve.family,
        budget: curve.budget,
        k,
        pass: cell(value[k - 1] as number),
        ci_low: cell(low[k - 1] as number),
        ci_high: cell(high[k - 1] as number),
        tasks: curve.tasks[k - 1],
        mode: curve.mode,
      });
    }
  }
  return rows;
}

/** Rows of `passkt_diff.csv`. */
export function diffRows(diffs: readonly DiffCurve[]): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const curve of diffs) {
    for (let k = 1; k <= curve.kMax; k++) {
      rows.push({ family: curve.family, budget: curve.budget, k, policy_a: curve.a, policy_b: curve.b, diff: cell(curve.diff[k - 1] as number), ci_low: cell(curve.low[k - 1] as number), ci_high: cell(curve.high[k - 1] as number) });
    }
  }
  return rows;
}

/** Rows of `marginal.csv`. */
export function marginalRows(rows: readonly MarginalRow[]): Record<string, unknown>[] {
  return rows.map((row) => ({
    policy: row.policy,
    family: row.family,
    kind: row.kind,
    k_from: row.kFrom,
    k_to: row.kTo,
    budget_from: row.budgetFrom,
    budget_to: row.budgetTo,
    delta: cell(row.delta),
    ci_low: cell(row.ciLow),
    ci_high: cell(row.ciHigh),
    mode: row.mode,
    tasks: row.tasks,
  }));
}

/** Rows of `saturation.csv`. */
export function saturationRows(rows: readonly SaturationRow[]): Record<string, unknown>[] {
  return rows.map((row) => ({
    policy: row.policy,
    family: row.family,
    k: row.k,
    t_star: row.tStar,
    saturated: row.tStar !== null,
    threshold: row.threshold,
    pass_at_t_star: cell(row.passAtTStar),
    max_budget: row.maxBudget,
    pass_at_max: cell(row.passAtMax),
    mode: row.mode,
  }));
}

/** Rows of `crossover.csv`. */
export function crossoverRows(rows: readonly CrossoverRow[]): Record<string, unknown>[] {
  return rows.map((row) => ({
    family: row.family,
    budget: row.budget,
    policy_a: row.a,
    policy_b: row.b,
    crossover_k: row.k,
    status: row.status,
    diff_at_1: cell(row.diffAt1),
    diff_at_max: cell(row.diffAtMax),
    k_max: row.kMax,
  }));
}
