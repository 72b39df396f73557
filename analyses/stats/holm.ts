/**
 * Holm's step-down adjustment (Holm 1979): controls the family-wise error rate — the chance of any
 * false claim in the family — at α when every test with adjusted p < α is called significant, under
 * any dependence between the tests. With the m p-values sorted ascending p_(1) ≤ … ≤ p_(m), the
 * adjusted value of p_(i) is max_{j ≤ i} min(1, (m − j + 1) · p_(j)).
 */

/**
 * Holm-adjusted p-values in the order given. Entries that are not finite (a test that was not made)
 * are not part of the family and come back as NaN; m counts the finite ones.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const order = pValues.map((p, i) => [p, i] as const).filter(([p]) => Number.isFinite(p)).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const m = order.length;
  const adjusted = pValues.map(() => NaN);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
