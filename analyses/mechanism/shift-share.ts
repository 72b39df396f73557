/**
 * Shift-share decomposition of the accuracy difference acc_a − acc_b between a compared policy a and
 * a reference policy b (the base policy) into choosing strategies differently (reweighting),
 * executing the same strategies better (within-strategy), and strategies only one of them uses
 * (new / lost).
 *
 * With shares f(s), per-strategy success rates acc(s), supports S_a, S_b, shared S = S_a ∩ S_b, new
 * N = S_a ∖ S_b (a uses them, b never does) and lost L = S_b ∖ S_a, and acc = Σ_s f(s)·acc(s):
 *   acc_a − acc_b = Σ_S (f_a·acc_a − f_b·acc_b) + Σ_N f_a·acc_a − Σ_L f_b·acc_b.
 * The last two sums are the new / lost term, the same in every variant: a strategy one policy never
 * uses has no success rate for the other, so it is counted whole, on its own, never folded into
 * reweighting. The shared sum splits into shares and success rates in three ways:
 *   b_ref (b, the reference, as base): reweighting Σ_S (f_a − f_b)·acc_b,  within Σ_S f_a·(acc_a − acc_b)
 *   a_ref (a as base):                 reweighting Σ_S (f_a − f_b)·acc_a,  within Σ_S f_b·(acc_a − acc_b)
 *   symmetric (their average, the Shapley value of the two factors, shares and success rates):
 *                                      reweighting Σ_S (f_a − f_b)·½(acc_a + acc_b), within Σ_S ½(f_a + f_b)·(acc_a − acc_b)
 * Each adds up to acc_a − acc_b exactly; the symmetric one does not depend on which policy is the
 * reference (swapping a and b negates every term). It is the one the console, `inspect` and the
 * report show.
 */
import { accuracies, type CategoryTotals, overallAccuracy, shares } from './category-totals';

/** Three terms that add up to `total` = acc_a − acc_b. */
export interface ShiftShareTerms {
  total: number;
  reweighting: number;
  within: number;
  /** The new / lost term: strategies only one policy uses. */
  support: number;
}

/** The decomposition in its three variants, plus the mass of the strategies outside the shared support. */
export interface ShiftShare {
  acc_a: number;
  acc_b: number;
  /** a's success rates weigh the share shifts (a as base). */
  a_ref: ShiftShareTerms;
  /** b's success rates weigh the share shifts (the reference b as base). */
  b_ref: ShiftShareTerms;
  /** The average of a_ref and b_ref (Shapley): does not depend on which policy is the reference. */
  symmetric: ShiftShareTerms;
  /** Share of a's episodes in strategies b never used (new). */
  new_share: number;
  /** Share of b's episodes in strategies a never used (lost). */
  lost_share: number;
}

/** Names of the three variants, in output order. */
export const SHIFT_SHARE_VARIANTS = ['a_ref', 'b_ref', 'symmetric'] as const;

/** The variant names. */
export type ShiftShareVariant = (typeof SHIFT_SHARE_VARIANTS)[number];

/** The term names of a decomposition, in output order. */
export const SHIFT_SHARE_TERMS = ['reweighting', 'within', 'support'] as const;

/** Per strategy, what it contributes to each term of each variant (0 where it does not enter). */
export type ShiftShareContributions = Record<ShiftShareVariant, Record<(typeof SHIFT_SHARE_TERMS)[number], Float64Array>>;

const NAN_TERMS: ShiftShareTerms = { total: NaN, reweighting: NaN, within: NaN, support: NaN };

/** Each strategy's contribution to every term of every variant (a and b over the same categories). */
export function shiftShareContributions(a: CategoryTotals, b: CategoryTotals): ShiftShareContributions {
  const k = a.n.length;
  const fA = shares(a);
  const fB = shares(b);
  const pA = accuracies(a);
  const pB = accuracies(b);
  const empty = () => ({ reweighting: new Float64Array(k), within: new Float64Array(k), support: new Float64Array(k) });
  const out: ShiftShareContributions = { a_ref: empty(), b_ref: empty(), symmetric: empty() };
  for (let s = 0; s < k; s++) {
    const inA = a.n[s]! > 0;
    const inB = b.n[s]! > 0;
    if (inA && inB) {
      const dF = fA[s]! - fB[s]!;
      const dP = pA[s]! - pB[s]!;
      out.a_ref.reweighting[s] = dF * pA[s]!;
      out.a_ref.within[s] = fB[s]! * dP;
      out.b_ref.reweighting[s] = dF * pB[s]!;
      out.b_ref.within[s] = fA[s]! * dP;
      out.symmetric.reweighting[s] = (dF * (pA[s]! + pB[s]!)) / 2;
      out.symmetric.within[s] = ((fA[s]! + fB[s]!) / 2) * dP;
    } else if (inA || inB) {
      const support = inA ? fA[s]! * pA[s]! : -fB[s]! * pB[s]!;
      for (const variant of SHIFT_SHARE_VARIANTS) out[variant].support[s] = support;
    }
  }
  return out;
}

/** Decomposes acc_a − acc_b over the categories both totals share (same category order). */
export function shiftShare(a: CategoryTotals, b: CategoryTotals): ShiftShare {
  const accA = overallAccuracy(a);
  const accB = overallAccuracy(b);
  if (!Number.isFinite(accA) || !Number.isFinite(accB)) {
    return { acc_a: accA, acc_b: accB, a_ref: NAN_TERMS, b_ref: NAN_TERMS, symmetric: NAN_TERMS, new_share: NaN, lost_share: NaN };
  }
  const contributions = shiftShareContributions(a, b);
  const sum = (values: Float64Array) => values.reduce((total, value) => total + value, 0);
  const terms = (variant: ShiftShareVariant): ShiftShareTerms => ({
    total: accA - accB,
    reweighting: sum(contributions[variant].reweighting),
    within: sum(contributions[variant].within),
    support: sum(contributions[variant].support),
  });
  const fA = shares(a);
  const fB = shares(b);
  let newShare = 0;
  let lostShare = 0;
  for (let s = 0; s < a.n.length; s++) {
    if (a.n[s]! > 0 && !(b.n[s]! > 0)) newShare += fA[s]!;
    if (b.n[s]! > 0 && !(a.n[s]! > 0)) lostShare += fB[s]!;
  }
  return { acc_a: accA, acc_b: accB, a_ref: terms('a_ref'), b_ref: terms('b_ref'), symmetric: terms('symmetric'), new_share: newShare, lost_share: lostShare };
}
