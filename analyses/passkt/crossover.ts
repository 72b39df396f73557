/**
 * Crossover k: from which number of samples one policy stays at or above another.
 */
import type { Budget } from '../budget';
import type { DiffCurve } from './curves';

/** Where a difference curve a − b settles at or above zero. */
export interface Crossover {
  /** Smallest k from which a − b >= 0 for every larger k; null when a is below b at the largest k. */
  k: number | null;
  /** `always`: a >= b at every k; `crosses`: below at small k, then at or above; `never`: below at the largest k. */
  status: 'always' | 'crosses' | 'never';
}

/** The crossover of a difference curve (index k - 1); differences within `tolerance` of 0 count as ties. */
export function crossoverK(diff: ArrayLike<number>, tolerance = 1e-12): Crossover {
  let lastBelow = -1;
  for (let i = 0; i < diff.length; i++) if ((diff[i] as number) < -tolerance) lastBelow = i;
  if (lastBelow === -1) return { k: 1, status: 'always' };
  if (lastBelow === diff.length - 1) return { k: null, status: 'never' };
  return { k: lastBelow + 2, status: 'crosses' };
}

/** The crossover of one policy pair at one budget. */
export interface CurveCrossover extends Crossover {
  family: string;
  budget: Budget;
  a: string;
  b: string;
  kMax: number;
  diffAt1: number;
  diffAtMax: number;
}

/** Crossovers of every paired difference curve. */
export function findCrossovers(diffs: readonly DiffCurve[]): CurveCrossover[] {
  return diffs.map((curve) => ({
    family: curve.family,
    budget: curve.budget,
    a: curve.a,
    b: curve.b,
    kMax: curve.kMax,
    diffAt1: curve.diff[0] as number,
    diffAtMax: curve.diff[curve.kMax - 1] as number,
    ...crossoverK(curve.diff),
  }));
}
