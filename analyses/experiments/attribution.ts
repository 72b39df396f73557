/**
 * The swap's attribution: how much of the accuracy difference between policies A and B comes from the
 * plan (the searches and what they returned) and how much from the reasoning (reading them and
 * answering). With acc(p, r) the accuracy of plan p read by reasoning r:
 *
 *   total           = acc(A,A) − acc(B,B)
 *   plan_first      : plan      = acc(A,B) − acc(B,B),  then reasoning = acc(A,A) − acc(A,B)
 *   reasoning_first : reasoning = acc(B,A) − acc(B,B),  then plan      = acc(A,A) − acc(B,A)
 *   shapley         : each component's average over the two orders (the symmetric, Shapley decomposition)
 *   interaction     = acc(A,A) − acc(A,B) − acc(B,A) + acc(B,B) (how much the two orders disagree)
 *
 * In each order, and in the average, plan + reasoning = total exactly; a component's share is its part of
 * the total.
 */

/** The four cells of the 2 × 2 grid (plan policy first, reasoning policy second). */
export interface SwapGrid {
  AA: number;
  AB: number;
  BA: number;
  BB: number;
}

/** The components, and the orders each is reported in. */
export const ATTRIBUTION_TERMS = [
  ['total', 'none'],
  ['plan', 'plan_first'],
  ['reasoning', 'plan_first'],
  ['plan', 'reasoning_first'],
  ['reasoning', 'reasoning_first'],
  ['plan', 'shapley'],
  ['reasoning', 'shapley'],
  ['interaction', 'none'],
] as const;

/** A component of the difference. */
export type AttributionComponent = (typeof ATTRIBUTION_TERMS)[number][0];
/** The order a component is taken in. */
export type AttributionOrder = (typeof ATTRIBUTION_TERMS)[number][1];

/** The terms of ATTRIBUTION_TERMS, in its order. */
export function attributionTerms(grid: SwapGrid): number[] {
  const { AA, AB, BA, BB } = grid;
  const planFirst = AB - BB;
  const reasoningAfterPlan = AA - AB;
  const reasoningFirst = BA - BB;
  const planAfterReasoning = AA - BA;
  return [AA - BB, planFirst, reasoningAfterPlan, planAfterReasoning, reasoningFirst, (planFirst + planAfterReasoning) / 2, (reasoningAfterPlan + reasoningFirst) / 2, AA - AB - BA + BB];
}
