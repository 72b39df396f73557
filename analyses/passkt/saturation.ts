/**
 * Saturation depth T*: the budget beyond which more interaction rounds add nothing (at a given k).
 */
import type { BudgetMode } from '../budget';
import { orderStatisticInterval } from '../stats/order-statistic-interval';
import { type Curve, type PassAnalysis, stepKey } from './curves';
import { budgetSeries, type MarginalValue } from './marginal';

/**
 * The smallest budget of the grid from which every further step Δ_T (steps[i]: budgets[i] → budgets[i + 1])
 * is below `threshold` (a loss counts as below). Null when the last step still gains `threshold` or
 * more (no saturation within the grid) or when the grid has fewer than two budgets (no evidence).
 */
export function saturationDepth(budgets: readonly number[], steps: readonly number[], threshold: number): number | null {
  if (budgets.length < 2 || steps.length !== budgets.length - 1) return null;
  let start = budgets.length - 1;
  while (start > 0 && (steps[start - 1] as number) < threshold) start -= 1;
  return start === budgets.length - 1 ? null : (budgets[start] as number);
}

/** T* of one (policy, family, mode) at one k. */
export interface SaturationDepth {
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
  /**
   * Bootstrap interval of T* over the same task resamples as the curves (order statistics of the
   * replicates' T*; +Infinity: not saturated within the grid); NaN without resamples.
   */
  tStarLow: number;
  tStarHigh: number;
}

/** The Δ_T replicates and interval level behind the T* intervals. */
export interface SaturationBootstrap {
  stepReplicates: PassAnalysis['stepReplicates'];
  level: number;
}

/**
 * T* for every (policy, family, mode) with at least two budgets and every k at which each step of the
 * grid has a Δ_T. The steps are the paired Δ_T of `marginal` (tasks present at both budgets), so a
 * task missing at one budget or with fewer episodes there cannot fake a gain or a loss.
 */
export function saturationDepths(curves: readonly Curve[], marginal: readonly MarginalValue[], threshold: number, bootstrap?: SaturationBootstrap): SaturationDepth[] {
  const steps = new Map<string, number>();
  for (const row of marginal) if (row.kind === 'T') steps.set(stepAtK(row.policy, row.family, row.mode, row.budgetFrom as number, row.kFrom), row.delta);
  const rows: SaturationDepth[] = [];
  for (const series of budgetSeries(curves, (curve) => curve)) {
    if (series.curves.length < 2) continue;
    const budgets = series.curves.map((curve) => curve.budget as number);
    const maxBudget = budgets[budgets.length - 1] as number;
    const last = series.curves[series.curves.length - 1] as Curve;
    for (let k = 1; k <= last.kMax; k++) {
      const deltas = budgets.slice(0, -1).map((budget) => steps.get(stepAtK(series.policy, series.family, series.mode, budget, k)));
      if (deltas.some((delta) => delta === undefined)) continue;
      const tStar = saturationDepth(budgets, deltas as number[], threshold);
      const interval = bootstrap ? tStarInterval(bootstrap, series, budgets, k, threshold) : { lo: NaN, hi: NaN };
      const atTStar = tStar === null ? undefined : series.curves[budgets.indexOf(tStar)];
      rows.push({
        policy: series.policy,
        family: series.family,
        mode: series.mode,
        k,
        tStar,
        threshold,
        passAtTStar: atTStar && k <= atTStar.kMax ? (atTStar.pass[k - 1] as number) : NaN,
        maxBudget,
        passAtMax: last.pass[k - 1] as number,
        tStarLow: interval.lo,
        tStarHigh: interval.hi,
      });
    }
  }
  return rows;
}

function stepAtK(policy: string, family: string, mode: BudgetMode, budgetFrom: number, k: number): string {
  return `${stepKey(policy, family, mode, budgetFrom)}\u0000${k}`;
}

/** T* in every resample (from that resample's Δ_T steps at k), summarised by its order-statistic interval. */
function tStarInterval(bootstrap: SaturationBootstrap, series: { policy: string; family: string; mode: BudgetMode }, budgets: readonly number[], k: number, threshold: number): { lo: number; hi: number } {
  const matrices = budgets.slice(0, -1).map((budget) => bootstrap.stepReplicates.get(stepKey(series.policy, series.family, series.mode, budget)));
  if (matrices.some((matrix) => !matrix || k > matrix.kMax || matrix.replicates.length === 0)) return { lo: NaN, hi: NaN };
  const resamples = matrices[0]!.replicates.length / matrices[0]!.kMax;
  const depths = new Float64Array(resamples);
  const steps = new Array<number>(matrices.length);
  for (let r = 0; r < resamples; r++) {
    let defined = true;
    matrices.forEach((matrix, i) => {
      const value = matrix!.replicates[r * matrix!.kMax + k - 1] as number;
      if (Number.isNaN(value)) defined = false;
      steps[i] = value;
    });
    const depth = defined ? saturationDepth(budgets, steps, threshold) : NaN;
    depths[r] = depth === null ? Infinity : depth;
  }
  return orderStatisticInterval(depths, bootstrap.level);
}
