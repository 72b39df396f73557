/**
 * Shift-share decomposition of an accuracy difference between policies a and b into choosing
 * strategies differently (reweighting), executing the same strategies better (within-strategy), and
 * using strategies the other policy never used (support).
 *
 * With shares f(s), per-strategy success rates acc(s), supports S_a, S_b, and accuracy
 * acc = Σ_s f(s)·acc(s), the a-referenced decomposition is
 *   reweighting = Σ_{s∈S_a} (f_b(s) − f_a(s))·acc_a(s)        (a strategy b dropped enters here, f_b = 0)
 *   within      = Σ_{s∈S_a∩S_b} f_b(s)·(acc_b(s) − acc_a(s))
 *   support     = Σ_{s∈S_b∖S_a} f_b(s)·acc_b(s)                 (new strategies: acc_a(s) is undefined)
 * and the three add up to acc_b − acc_a exactly: expanding, the f_b·acc_a sums cancel over S_a∩S_b,
 * f_b = 0 on S_a∖S_b, Σ_{S_a} f_a·acc_a = acc_a and Σ_{S_a∩S_b} f_b·acc_b + support = acc_b.
 * The b-referenced decomposition is the same formula with a and b swapped, negated; there the support
 * term is −Σ_{s∈S_a∖S_b} f_a(s)·acc_a(s) (strategies b lost). The symmetric variant is their average.
 */
import { accuracies, type CategoryTotals, overallAccuracy, shares } from './category-totals';

/** Three terms that add up to `total` = acc_b − acc_a. */
export interface ShiftShareTerms {
  total: number;
  reweighting: number;
  within: number;
  support: number;
}

/** The decomposition in its three variants, plus the mass of the strategies outside the shared support. */
export interface ShiftShare {
  acc_a: number;
  acc_b: number;
  /** a is the reference (the formula of the study's question: base as reference). */
  a_ref: ShiftShareTerms;
  /** b is the reference. */
  b_ref: ShiftShareTerms;
  /** The average of a_ref and b_ref: does not depend on which policy is the reference. */
  symmetric: ShiftShareTerms;
  /** Share of b's episodes in strategies a never used. */
  new_share: number;
  /** Share of a's episodes in strategies b never used. */
  lost_share: number;
}

/** Names of the three variants, in output order. */
export const SHIFT_SHARE_VARIANTS = ['a_ref', 'b_ref', 'symmetric'] as const;

/** The variant names. */
export type ShiftShareVariant = (typeof SHIFT_SHARE_VARIANTS)[number];

const NAN_TERMS: ShiftShareTerms = { total: NaN, reweighting: NaN, within: NaN, support: NaN };

/** Decomposes acc_b − acc_a over the categories both totals share (same category order). */
export function shiftShare(a: CategoryTotals, b: CategoryTotals): ShiftShare {
  const accA = overallAccuracy(a);
  const accB = overallAccuracy(b);
  if (!Number.isFinite(accA) || !Number.isFinite(accB)) {
    return { acc_a: accA, acc_b: accB, a_ref: NAN_TERMS, b_ref: NAN_TERMS, symmetric: NAN_TERMS, new_share: NaN, lost_share: NaN };
  }
  const fA = shares(a);
  const fB = shares(b);
  const pA = accuracies(a);
  const pB = accuracies(b);
  const total = accB - accA;
  const aRef = { total, reweighting: 0, within: 0, support: 0 };
  const bRef = { total, reweighting: 0, within: 0, support: 0 };
  let newShare = 0;
  let lostShare = 0;
  for (let s = 0; s < fA.length; s++) {
    const inA = a.n[s]! > 0;
    const inB = b.n[s]! > 0;
    const dF = fB[s]! - fA[s]!;
    if (inA) aRef.reweighting += dF * pA[s]!;
    if (inB) bRef.reweighting += dF * pB[s]!;
    if (inA && inB) {
      aRef.within += fB[s]! * (pB[s]! - pA[s]!);
      bRef.within += fA[s]! * (pB[s]! - pA[s]!);
    } else if (inB) {
      aRef.support += fB[s]! * pB[s]!;
      newShare += fB[s]!;
    } else if (inA) {
      bRef.support -= fA[s]! * pA[s]!;
      lostShare += fA[s]!;
    }
  }
  const symmetric = {
    total,
    reweighting: (aRef.reweighting + bRef.reweighting) / 2,
    within: (aRef.within + bRef.within) / 2,
    support: (aRef.support + bRef.support) / 2,
  };
  return { acc_a: accA, acc_b: accB, a_ref: aRef, b_ref: bRef, symmetric, new_share: newShare, lost_share: lostShare };
}
