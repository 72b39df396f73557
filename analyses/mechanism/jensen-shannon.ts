/**
 * Jensen–Shannon divergence between two distributions given as counts or weights over the same
 * categories, in bits: 0 for identical distributions, 1 for disjoint supports.
 */

function entropyBits(p: readonly number[]): number {
  let h = 0;
  for (const value of p) if (value > 0) h -= value * Math.log2(value);
  return h;
}

function normalize(values: readonly number[]): number[] {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (!(total > 0)) throw new RangeError('jensenShannon: a distribution has no mass');
  return values.map((value) => value / total);
}

/** JSD(P, Q) = H((P + Q) / 2) − (H(P) + H(Q)) / 2, base 2; inputs are normalized first. */
export function jensenShannon(p: readonly number[], q: readonly number[]): number {
  if (p.length !== q.length) throw new RangeError('jensenShannon: different numbers of categories');
  const pn = normalize(p);
  const qn = normalize(q);
  const mixture = pn.map((value, k) => (value + qn[k]!) / 2);
  const jsd = entropyBits(mixture) - (entropyBits(pn) + entropyBits(qn)) / 2;
  // Clamp rounding noise so identical inputs give exactly 0 and disjoint ones at most 1.
  return Math.min(1, Math.max(0, jsd));
}
