/**
 * The passkt stage's analysis results as rows of its declared output tables (`pipeline/tables/`).
 * Missing numbers (no interval without resamples, no T*) are null and written blank.
 */
import type { Curve, DiffCurve } from '../../../analyses/passkt/curves';
import type { CurveCrossover } from '../../../analyses/passkt/crossover';
import type { MarginalValue } from '../../../analyses/passkt/marginal';
import type { SaturationDepth } from '../../../analyses/passkt/saturation';
import type { CrossoverRow } from '../../tables/crossover';
import type { MarginalRow } from '../../tables/marginal';
import type { PassRow } from '../../tables/passkt';
import type { PassDiffRow } from '../../tables/passkt-diff';
import type { SaturationRow } from '../../tables/saturation';

/** Rows of `passkt.csv` (`estimator` = pass) or `passhatk.csv` (passhat), k = 1..n per curve. */
export function* passRows(curves: readonly Curve[], estimator: 'pass' | 'passhat'): Generator<PassRow> {
  for (const curve of curves) {
    const [value, low, high] = estimator === 'pass' ? [curve.pass, curve.passLow, curve.passHigh] : [curve.passhat, curve.passhatLow, curve.passhatHigh];
    for (let k = 1; k <= curve.kMax; k++) {
      yield {
        policy: curve.policy,
        family: curve.family,
        budget: curve.budget,
        k,
        pass: value[k - 1]!,
        ci_low: low[k - 1]!,
        ci_high: high[k - 1]!,
        tasks: curve.tasks[k - 1]!,
        mode: curve.mode,
      };
    }
  }
}

/** Rows of `passkt_diff.csv`. */
export function* diffRows(diffs: readonly DiffCurve[]): Generator<PassDiffRow> {
  for (const curve of diffs) {
    for (let k = 1; k <= curve.kMax; k++) {
      yield { family: curve.family, budget: curve.budget, k, policy_a: curve.a, policy_b: curve.b, diff: curve.diff[k - 1]!, ci_low: curve.low[k - 1]!, ci_high: curve.high[k - 1]! };
    }
  }
}

/** Rows of `marginal.csv`. */
export function marginalRows(values: readonly MarginalValue[]): MarginalRow[] {
  return values.map((value) => ({
    policy: value.policy,
    family: value.family,
    kind: value.kind,
    k_from: value.kFrom,
    k_to: value.kTo,
    budget_from: value.budgetFrom,
    budget_to: value.budgetTo,
    delta: value.delta,
    ci_low: value.ciLow,
    ci_high: value.ciHigh,
    mode: value.mode,
    tasks: value.tasks,
  }));
}

/** Rows of `saturation.csv`. */
export function saturationRows(depths: readonly SaturationDepth[]): SaturationRow[] {
  return depths.map((depth) => ({
    policy: depth.policy,
    family: depth.family,
    k: depth.k,
    t_star: depth.tStar,
    saturated: depth.tStar !== null,
    threshold: depth.threshold,
    pass_at_t_star: depth.passAtTStar,
    max_budget: depth.maxBudget,
    pass_at_max: depth.passAtMax,
    mode: depth.mode,
    t_star_low: gridValue(depth.tStarLow),
    t_star_high: gridValue(depth.tStarHigh),
  }));
}

/** A bound of a k or T* interval as a cell: +Infinity (beyond the grid) and NaN (not computed) are blank. */
function gridValue(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Rows of `crossover.csv` (`tolerance`: the tie tolerance the statuses used). */
export function crossoverRows(crossovers: readonly CurveCrossover[], tolerance: number): CrossoverRow[] {
  return crossovers.map((crossover) => ({
    family: crossover.family,
    budget: crossover.budget,
    policy_a: crossover.a,
    policy_b: crossover.b,
    crossover_k: crossover.k,
    status: crossover.status,
    diff_at_1: crossover.diffAt1,
    diff_at_max: crossover.diffAtMax,
    k_max: crossover.kMax,
    crossover_k_low: gridValue(crossover.kLow),
    crossover_k_high: gridValue(crossover.kHigh),
    significant: crossover.significant,
    tolerance,
  }));
}
