/**
 * Symmetric two-factor decomposition of an accuracy difference acc_a − acc_b (a: the compared policy,
 * b: the reference) into retrieval (finding the evidence) and integration (what a policy makes of it).
 *
 * With retrieval rate ρ, accuracy given retrieved p_R and given missed p_M, acc = p_M + ρ·(p_R − p_M).
 * Changing ρ with the conditionals held fixed, averaged over holding them at a's and at b's values
 * (the two orderings; the Shapley value of two factors), gives
 *   retrieval   = (ρ_a − ρ_b) · ½[(p_R,a − p_M,a) + (p_R,b − p_M,b)]
 *   integration = ½(ρ_a + ρ_b)·(p_R,a − p_R,b)  +  (1 − ½(ρ_a + ρ_b))·(p_M,a − p_M,b)
 *                 └ integration_retrieved: with the evidence ┘  └ integration_missed: without the evidence ┘
 * and retrieval + integration = acc_a − acc_b exactly.
 * A conditional rate that is undefined for one policy (it never / always retrieved) is taken equal to
 * the other policy's (no evidence of a change); its weight in that policy's accuracy is 0, so the
 * identity still holds. When undefined for both, its weight is 0 in both and it is taken as 0.
 */
import type { CategoryTotals } from './category-totals';

/** Index of the "retrieved" category in retrieval totals. */
export const RETRIEVED = 0;
/** Index of the "missed" category in retrieval totals. */
export const MISSED = 1;

/** Retrieval rate and conditional accuracies of one policy. */
export interface RetrievalProfile {
  episodes: number;
  retrieval_rate: number;
  accuracy: number;
  /** NaN when no episode retrieved the evidence. */
  acc_given_retrieved: number;
  /** NaN when every episode retrieved it. */
  acc_given_missed: number;
}

/** The two-factor decomposition of acc_a − acc_b. */
export interface RetrievalDecomposition {
  a: RetrievalProfile;
  b: RetrievalProfile;
  total: number;
  retrieval: number;
  integration: number;
  /** The part of `integration` from the success rate when the evidence was retrieved (answering from it). */
  integration_retrieved: number;
  /** The part of `integration` from the success rate when it was missed (answering without the evidence). */
  integration_missed: number;
}

/** Retrieval profile from totals over the categories [retrieved, missed]. */
export function retrievalProfile(totals: CategoryTotals): RetrievalProfile {
  const nR = totals.n[RETRIEVED]!;
  const nM = totals.n[MISSED]!;
  const cR = totals.correct[RETRIEVED]!;
  const cM = totals.correct[MISSED]!;
  const n = nR + nM;
  return {
    episodes: n,
    retrieval_rate: n > 0 ? nR / n : NaN,
    accuracy: n > 0 ? (cR + cM) / n : NaN,
    acc_given_retrieved: nR > 0 ? cR / nR : NaN,
    acc_given_missed: nM > 0 ? cM / nM : NaN,
  };
}

function filled(own: number, other: number): number {
  if (Number.isFinite(own)) return own;
  return Number.isFinite(other) ? other : 0;
}

/** Decomposes acc_a − acc_b into retrieval and integration (totals over [retrieved, missed]). */
export function retrievalIntegration(a: CategoryTotals, b: CategoryTotals): RetrievalDecomposition {
  const pa = retrievalProfile(a);
  const pb = retrievalProfile(b);
  const total = pa.accuracy - pb.accuracy;
  if (!Number.isFinite(total)) {
    return { a: pa, b: pb, total: NaN, retrieval: NaN, integration: NaN, integration_retrieved: NaN, integration_missed: NaN };
  }
  const rA = filled(pa.acc_given_retrieved, pb.acc_given_retrieved);
  const rB = filled(pb.acc_given_retrieved, pa.acc_given_retrieved);
  const mA = filled(pa.acc_given_missed, pb.acc_given_missed);
  const mB = filled(pb.acc_given_missed, pa.acc_given_missed);
  const meanRate = (pa.retrieval_rate + pb.retrieval_rate) / 2;
  const retrieval = (pa.retrieval_rate - pb.retrieval_rate) * ((rA - mA + (rB - mB)) / 2);
  const integrationRetrieved = meanRate * (rA - rB);
  const integrationMissed = (1 - meanRate) * (mA - mB);
  return {
    a: pa,
    b: pb,
    total,
    retrieval,
    integration: integrationRetrieved + integrationMissed,
    integration_retrieved: integrationRetrieved,
    integration_missed: integrationMissed,
  };
}
