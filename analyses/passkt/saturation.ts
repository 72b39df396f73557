/**
 * Saturation depth T*: the budget beyond which more interaction rounds add nothing (at a given k).
 */
import type { BudgetMode } from './budget';
import { budgetSeries } from './marginal';
import type { Curve } from './curves';

/**
 * The smallest budget of the grid from which every further step Δ_T = PASS(T_{i+1}) − PASS(T_i) is
 * below `threshold` (a loss counts as below). Null when the last step still gains `threshold` or
 * more (no saturation within the grid) or when the grid has fewer than two budgets (no evidence).
 */
export function saturationDepth(budgets: readonly number[], pass: readonly number[], threshold: number): number | null {
  if (budgets.length < 2 || pass.length !== budgets.length) return null;
  let start = budgets.length - 1;
  while (start > 0 && (pass[start] as number) - (pass[start - 1] as number) < threshold) start -= 1;
  return start === budgets.length - 1 ? null : (budgets[start] as number);
}

/** T* of one (policy, family, mode) at one k. */
export interface SaturationRow {
  policy: string;
  family: string;
  mode: BudgetMode;
  k: number;
  /** Null: not saturated within the grid. */
  tStar: number | null;
  threshold: number;
  /** PASS@(k, T*) (NaN when tStar is null). */
  passAtTStar: number;
  /** The largest budget of the grid and PASS@(k) there. */
  maxBudget: number;
  passAtMax: number;
}

/** T* for every (policy, family, mode) with at least two budgets and every k they all reach. */
export function saturationTable(curves: readonly Curve[], threshold: number): SaturationRow[] {
  const rows: SaturationRow[] = [];
  for (const series of budgetSeries(curves)) {
    if (series.curves.length < 2) continue;
    const budgets = series.curves.map((curve) => curve.budget as number);
    const kMax = Math.min(...series.curves.map((curve) => curve.kMax));
    const maxBudget = budgets[budgets.length - 1] as number;
    for (let k = 1; k <= kMax; k++) {
      const pass = series.curves.map((curve) => curve.pass[k - 1] as number);
      const tStar = saturationDepth(budgets, pass, threshold);
      rows.push({
        policy: series.policy,
        family: series.family,
        mode: series.mode,
        k,
        tStar,
        threshold,
        passAtTStar: tStar === null ? NaN : (pass[budgets.indexOf(tStar)] as number),
        maxBudget,
        passAtMax: pass[pass.length - 1] as number,
      });
    }
  }
  return rows;
}
