/**
 * Marginal values: what one more doubling of samples (Δ_k) or one more step of the budget grid (Δ_T)
 * adds to PASS@(k,T), with bootstrap intervals from the same resamples as the curves.
 */
import type { Budget, BudgetMode } from './budget';
import { percentileInterval } from './quantile';
import { compareText } from './outcomes';
import type { Curve } from './curves';

/** Δ_k = PASS@(2k) − PASS@(k) for every k with 2k within the curve (values at index k - 1). */
export function deltaK(pass: ArrayLike<number>): { k: number; delta: number }[] {
  const deltas: { k: number; delta: number }[] = [];
  for (let k = 1; 2 * k <= pass.length; k++) deltas.push({ k, delta: (pass[2 * k - 1] as number) - (pass[k - 1] as number) });
  return deltas;
}

/** Δ_T between consecutive budgets: values[i + 1] − values[i], labelled by the budget pair. */
export function deltaT(budgets: readonly number[], values: readonly number[]): { from: number; to: number; delta: number }[] {
  const deltas: { from: number; to: number; delta: number }[] = [];
  for (let i = 0; i + 1 < budgets.length; i++) deltas.push({ from: budgets[i] as number, to: budgets[i + 1] as number, delta: (values[i + 1] as number) - (values[i] as number) });
  return deltas;
}

/** One marginal value: PASS at (kTo, budgetTo) minus PASS at (kFrom, budgetFrom). */
export interface MarginalRow {
  policy: string;
  family: string;
  mode: BudgetMode;
  /** `k`: doubling k at a fixed budget; `T`: the next budget of the grid at a fixed k. */
  kind: 'k' | 'T';
  kFrom: number;
  kTo: number;
  budgetFrom: Budget;
  budgetTo: Budget;
  delta: number;
  ciLow: number;
  ciHigh: number;
}

/** Curves of one (policy, family, mode) keyed by numeric budget, in grid order. */
export function budgetSeries(curves: readonly Curve[]): { policy: string; family: string; mode: BudgetMode; curves: Curve[] }[] {
  const series = new Map<string, { policy: string; family: string; mode: BudgetMode; curves: Curve[] }>();
  for (const curve of curves) {
    if (curve.budget === 'all') continue;
    const key = `${curve.family}\u0000${curve.policy}\u0000${curve.mode}`;
    let entry = series.get(key);
    if (!entry) series.set(key, (entry = { policy: curve.policy, family: curve.family, mode: curve.mode, curves: [] }));
    entry.curves.push(curve);
  }
  for (const entry of series.values()) entry.curves.sort((x, y) => (x.budget as number) - (y.budget as number));
  return [...series.values()].sort((x, y) => compareText(x.family, y.family) || compareText(x.policy, y.policy) || compareText(x.mode, y.mode));
}

/** Every Δ_k of every curve and every Δ_T between consecutive budgets, with intervals. */
export function marginalValues(curves: readonly Curve[], level: number): MarginalRow[] {
  const rows: MarginalRow[] = [];
  const ordered = [...curves].sort((x, y) => compareText(x.family, y.family) || compareText(x.policy, y.policy) || compareText(x.mode, y.mode));
  for (const curve of ordered) {
    for (const { k, delta } of deltaK(curve.pass)) {
      const [ciLow, ciHigh] = replicateInterval(curve, k, curve, 2 * k, level);
      rows.push({ policy: curve.policy, family: curve.family, mode: curve.mode, kind: 'k', kFrom: k, kTo: 2 * k, budgetFrom: curve.budget, budgetTo: curve.budget, delta, ciLow, ciHigh });
    }
  }
  for (const series of budgetSeries(curves)) {
    for (let i = 0; i + 1 < series.curves.length; i++) {
      const from = series.curves[i] as Curve;
      const to = series.curves[i + 1] as Curve;
      const kMax = Math.min(from.kMax, to.kMax);
      for (let k = 1; k <= kMax; k++) {
        const [ciLow, ciHigh] = replicateInterval(from, k, to, k, level);
        rows.push({ policy: series.policy, family: series.family, mode: series.mode, kind: 'T', kFrom: k, kTo: k, budgetFrom: from.budget, budgetTo: to.budget, delta: (to.pass[k - 1] as number) - (from.pass[k - 1] as number), ciLow, ciHigh });
      }
    }
  }
  return rows;
}

/** Interval of PASS(to, kTo) − PASS(from, kFrom) over paired replicates (same resample index). */
function replicateInterval(from: Curve, kFrom: number, to: Curve, kTo: number, level: number): [number, number] {
  const resamples = from.kMax > 0 ? from.replicates.length / from.kMax : 0;
  if (resamples === 0) return [NaN, NaN];
  const deltas = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) deltas[r] = (to.replicates[r * to.kMax + kTo - 1] as number) - (from.replicates[r * from.kMax + kFrom - 1] as number);
  return percentileInterval(deltas, level);
}
