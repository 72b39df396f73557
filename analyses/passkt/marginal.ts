/**
 * Marginal values: what one more doubling of samples (Δ_k) or one more step of the budget grid (Δ_T)
 * adds to PASS@(k,T). Each Δ is paired per task: the mean over the tasks eligible at both ends of
 * (estimate at the far end − estimate at the near end). Differencing two curve points instead would
 * compare different task sets whenever episode counts differ (a task with fewer than 2k episodes
 * drops out of PASS@2k but not PASS@k) and could turn a per-task gain into a negative Δ.
 */
import type { Budget, BudgetMode } from '../budget';
import { curveIntervals } from './bootstrap';
import { edgeAwareDifference } from './edge-intervals';
import { ClassedMean, PairedDifference, type Member } from './classed-mean';
import type { CurveKey } from './curves';
import { compareText } from '../stats/compare-text';

/** One marginal value: PASS at (kTo, budgetTo) minus PASS at (kFrom, budgetFrom), over the same tasks. */
export interface MarginalValue {
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
  /** Tasks eligible at both ends (at least kTo episodes for Δ_k; at least k at both budgets for Δ_T). */
  tasks: number;
}

/** The members of one curve as the bootstrap sees them (each member's first row is its pass@k row). */
export interface CurveMembers {
  key: CurveKey;
  members: readonly Member[];
}

/** A marginal value to bootstrap: the paired statistic (far end − near end) and what it measures. */
export interface MarginalPlan {
  kind: 'k' | 'T';
  policy: string;
  family: string;
  mode: BudgetMode;
  budgetFrom: Budget;
  budgetTo: Budget;
  /** Value at index k - 1: Δ at k (Δ_k: PASS@2k − PASS@k; Δ_T: PASS@k at budgetTo − at budgetFrom). */
  statistic: PairedDifference;
}

// Cached per source row so that tasks with the same (n, c) share a row and stay in one class.
const doubledRows = new WeakMap<Float64Array, Float64Array>();

/** The estimates at k = 2, 4, 6, … of a row for k = 1..n: index j - 1 holds the estimate at 2j. */
export function doubledRow(row: Float64Array): Float64Array {
  let doubled = doubledRows.get(row);
  if (!doubled) {
    doubled = new Float64Array(Math.floor(row.length / 2));
    for (let j = 1; j <= doubled.length; j++) doubled[j - 1] = row[2 * j - 1] as number;
    doubledRows.set(row, doubled);
  }
  return doubled;
}

/**
 * The paired statistics of every Δ_k (per curve: PASS@2k − PASS@k over the tasks with at least 2k
 * episodes) and every Δ_T (per policy, family and mode, between consecutive numeric budgets: PASS@k
 * at the next budget − at this one over the tasks present at both with at least k episodes at both).
 * Δ_k plans come first, ordered by policy, mode and budget; then Δ_T plans by policy, mode and step.
 */
export function planMarginals(curves: readonly CurveMembers[]): MarginalPlan[] {
  const plans: MarginalPlan[] = [];
  const ordered = [...curves].sort(byPolicyMode);
  for (const curve of ordered) {
    const near: Member[] = [];
    const far: Member[] = [];
    for (const member of curve.members) {
      const half = Math.floor(member.eligibleN / 2);
      if (half < 1) continue;
      const row = member.rows[0] as Float64Array;
      near.push({ index: member.index, eligibleN: half, rows: [row] });
      far.push({ index: member.index, eligibleN: half, rows: [doubledRow(row)] });
    }
    if (near.length === 0) continue;
    const { policy, family, mode, budget } = curve.key;
    plans.push({ kind: 'k', policy, family, mode, budgetFrom: budget, budgetTo: budget, statistic: new PairedDifference(new ClassedMean(far, 1), new ClassedMean(near, 1)) });
  }
  for (const series of budgetSeries(curves, (curve) => curve.key)) {
    for (let i = 0; i + 1 < series.curves.length; i++) {
      const from = series.curves[i] as CurveMembers;
      const to = series.curves[i + 1] as CurveMembers;
      const toByIndex = new Map(to.members.map((member) => [member.index, member]));
      const near: Member[] = [];
      const far: Member[] = [];
      for (const member of from.members) {
        const other = toByIndex.get(member.index);
        if (!other) continue;
        const eligibleN = Math.min(member.eligibleN, other.eligibleN);
        near.push({ index: member.index, eligibleN, rows: [member.rows[0] as Float64Array] });
        far.push({ index: member.index, eligibleN, rows: [other.rows[0] as Float64Array] });
      }
      if (near.length === 0) continue;
      plans.push({ kind: 'T', policy: series.policy, family: series.family, mode: series.mode, budgetFrom: from.key.budget, budgetTo: to.key.budget, statistic: new PairedDifference(new ClassedMean(far, 1), new ClassedMean(near, 1)) });
    }
  }
  return plans;
}

/** Rows of the planned marginal values from their replicates (one resamples × kMax matrix per plan; empty: no intervals). */
export function marginalRowsOf(plans: readonly MarginalPlan[], replicates: readonly Float64Array[], level: number): MarginalValue[] {
  const rows: MarginalValue[] = [];
  plans.forEach((plan, p) => {
    const { statistic } = plan;
    const delta = statistic.pointEstimate();
    const interval = edgeAwareDifference(delta, curveIntervals(replicates[p] ?? new Float64Array(0), statistic.kMax, level), statistic.tasks, level, plan.kind === 'k' ? 0 : -Infinity);
    for (let k = 1; k <= statistic.kMax; k++) {
      rows.push({
        policy: plan.policy,
        family: plan.family,
        mode: plan.mode,
        kind: plan.kind,
        kFrom: k,
        kTo: plan.kind === 'k' ? 2 * k : k,
        budgetFrom: plan.budgetFrom,
        budgetTo: plan.budgetTo,
        delta: delta[k - 1] as number,
        ciLow: interval.low[k - 1] as number,
        ciHigh: interval.high[k - 1] as number,
        tasks: statistic.tasks[k - 1] as number,
      });
    }
  });
  return rows;
}

/** The items of each (policy, family, mode) at numeric budgets, in grid order (`all` is not a step of the grid). */
export function budgetSeries<C>(items: readonly C[], keyOf: (item: C) => CurveKey): { policy: string; family: string; mode: BudgetMode; curves: C[] }[] {
  const series = new Map<string, { policy: string; family: string; mode: BudgetMode; curves: C[] }>();
  for (const item of items) {
    const key = keyOf(item);
    if (key.budget === 'all') continue;
    const id = `${key.family}\u0000${key.policy}\u0000${key.mode}`;
    let entry = series.get(id);
    if (!entry) series.set(id, (entry = { policy: key.policy, family: key.family, mode: key.mode, curves: [] }));
    entry.curves.push(item);
  }
  for (const entry of series.values()) entry.curves.sort((x, y) => (keyOf(x).budget as number) - (keyOf(y).budget as number));
  return [...series.values()].sort((x, y) => compareText(x.family, y.family) || compareText(x.policy, y.policy) || compareText(x.mode, y.mode));
}

function byPolicyMode(x: CurveMembers, y: CurveMembers): number {
  return compareText(x.key.family, y.key.family) || compareText(x.key.policy, y.key.policy) || compareText(x.key.mode, y.key.mode);
}
