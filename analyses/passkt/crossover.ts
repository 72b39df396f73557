/**
 * Crossover k: where the PASS@(k,T) curves of two policies change order, with a bootstrap interval.
 * A crossover needs a sign change of a − b larger than a tolerance on both sides; differences within
 * the tolerance are ties (rounding noise, e.g. −8.7e-19 at k = 1 when both curves are ~0), and two
 * curves that end together at the ceiling (both ≥ 1 − tolerance) converge rather than cross.
 *
 * Statuses (docs/passkt.md): `crosses` — a − b is beyond the tolerance on both sides at different k;
 * `converge` — one side only, and both curves are at the ceiling at the largest k; `above` / `below` —
 * a − b is beyond the tolerance on one side only (a above b / below b somewhere, never the reverse);
 * `none` — |a − b| is within the tolerance at every k.
 */
import type { Budget } from '../budget';
import { orderStatisticInterval } from '../stats/order-statistic-interval';
import type { DiffCurve } from './curves';

/** The crossover statuses, in output order of the docs. */
export const CROSSOVER_STATUSES = ['crosses', 'converge', 'above', 'below', 'none'] as const;

/** How two difference curves relate. */
export type CrossoverStatus = (typeof CROSSOVER_STATUSES)[number];

/** Default tolerance: |a − b| at or below it is a tie. */
export const CROSSOVER_TOLERANCE = 1e-9;

/** Where a difference curve a − b changes sign. */
export interface Crossover {
  status: CrossoverStatus;
  /**
   * For `crosses`: the smallest k from which a − b is never beyond the tolerance on the side it left
   * (1 + the last k on that side); null otherwise.
   */
  k: number | null;
  /** For `crosses`: the side a − b ends on (+1: a ends above b, −1: below); 0 otherwise. */
  direction: -1 | 0 | 1;
}

function signOf(value: number, tolerance: number): -1 | 0 | 1 {
  return value > tolerance ? 1 : value < -tolerance ? -1 : 0;
}

/**
 * The crossover of a difference curve (index k − 1), given the two curves' values at the largest k
 * (to tell a tie at the ceiling); differences within `tolerance` of 0 are ties.
 */
export function crossoverOf(diff: ArrayLike<number>, atMax: { a: number; b: number }, tolerance = CROSSOVER_TOLERANCE): Crossover {
  let last: -1 | 0 | 1 = 0;
  let seenAbove = false;
  let seenBelow = false;
  for (let i = 0; i < diff.length; i++) {
    const sign = signOf(diff[i] as number, tolerance);
    if (sign === 1) seenAbove = true;
    if (sign === -1) seenBelow = true;
    if (sign !== 0) last = sign;
  }
  if (!seenAbove && !seenBelow) return { status: 'none', k: null, direction: 0 };
  if (seenAbove && seenBelow) return { status: 'crosses', k: crossingK(diff, last as -1 | 1, tolerance), direction: last };
  if (atMax.a >= 1 - tolerance && atMax.b >= 1 - tolerance) return { status: 'converge', k: null, direction: 0 };
  return { status: seenAbove ? 'above' : 'below', k: null, direction: 0 };
}

/**
 * The k from which a − b is never beyond the tolerance on the side opposite to `direction`: 1 when it
 * never is, +Infinity when it still is at the largest k (no crossover within the grid). Used on the
 * point estimate and on every bootstrap replicate.
 */
export function crossingK(diff: ArrayLike<number>, direction: -1 | 1, tolerance = CROSSOVER_TOLERANCE): number {
  let lastOpposite = -1;
  for (let i = 0; i < diff.length; i++) if (signOf(diff[i] as number, tolerance) === -direction) lastOpposite = i;
  return lastOpposite === diff.length - 1 ? Infinity : lastOpposite + 2;
}

/** The crossover of one policy pair at one budget, with its bootstrap interval and significance. */
export interface CurveCrossover extends Crossover {
  family: string;
  budget: Budget;
  a: string;
  b: string;
  kMax: number;
  diffAt1: number;
  diffAtMax: number;
  /** Bootstrap interval of the crossover k (order statistics; +Infinity: beyond the grid); NaN when not `crosses` or without resamples. */
  kLow: number;
  kHigh: number;
  /**
   * Whether the paired interval of a − b excludes 0 at some k up to the crossover k (`crosses`) or up
   * to the largest k (other statuses); null without resamples.
   */
  significant: boolean | null;
}

/** Crossovers of every paired difference curve, with intervals from the curves' replicates. */
export function findCrossovers(diffs: readonly DiffCurve[], options: { tolerance?: number; level: number }): CurveCrossover[] {
  const tolerance = options.tolerance ?? CROSSOVER_TOLERANCE;
  return diffs.map((curve) => {
    const last = curve.kMax - 1;
    const crossover = crossoverOf(curve.diff, { a: curve.passA[last] as number, b: curve.passB[last] as number }, tolerance);
    const resamples = curve.kMax > 0 ? curve.replicates.length / curve.kMax : 0;
    let kLow = NaN;
    let kHigh = NaN;
    if (crossover.status === 'crosses' && resamples > 0) {
      const ks = new Float64Array(resamples);
      for (let r = 0; r < resamples; r++) ks[r] = crossingK(curve.replicates.subarray(r * curve.kMax, (r + 1) * curve.kMax), crossover.direction as -1 | 1, tolerance);
      ({ lo: kLow, hi: kHigh } = orderStatisticInterval(ks, options.level));
    }
    const upTo = crossover.k ?? curve.kMax;
    let significant: boolean | null = null;
    if (resamples > 0) {
      significant = false;
      for (let k = 1; k <= Math.min(upTo, curve.kMax); k++) if ((curve.low[k - 1] as number) > 0 || (curve.high[k - 1] as number) < 0) significant = true;
    }
    return {
      family: curve.family,
      budget: curve.budget,
      a: curve.a,
      b: curve.b,
      kMax: curve.kMax,
      diffAt1: curve.diff[0] as number,
      diffAtMax: curve.diff[last] as number,
      ...crossover,
      kLow,
      kHigh,
      significant,
    };
  });
}
