/**
 * The Benjamini–Hochberg step-up adjustment (1995): q-values that control the false discovery rate —
 * the expected share of false claims among the claims — at q when every test with q-value < q is
 * called significant (independent or positively dependent tests). With the m p-values sorted
 * ascending, the q-value of p_(i) is min_{j ≥ i} min(1, m · p_(j) / j).
 */

/** BH q-values in the order given; entries that are not finite are not part of the family (NaN back). */
export function benjaminiHochbergAdjust(pValues: readonly number[]): number[] {
  const order = pValues.map((p, i) => [p, i] as const).filter(([p]) => Number.isFinite(p)).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const m = order.length;
  const adjusted = pValues.map(() => NaN);
  let running = 1;
  for (let rank = m - 1; rank >= 0; rank--) {
    const [p, i] = order[rank]!;
    running = Math.min(running, Math.min(1, (m * p) / (rank + 1)));
    adjusted[i] = running;
  }
  return adjusted;
}
