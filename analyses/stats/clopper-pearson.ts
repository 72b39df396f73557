/**
 * The Clopper–Pearson ("exact") interval of a binomial proportion: x successes in m trials. Its bounds
 * invert two one-sided binomial tests, each at (1 − level)/2: the lower bound is the p with
 * P(X ≥ x | p) = (1 − level)/2, the upper the p with P(X ≤ x | p) = (1 − level)/2. At the edges they are
 * closed forms: x = m gives [((1 − level)/2)^(1/m), 1], x = 0 gives [0, 1 − ((1 − level)/2)^(1/m)].
 */

/** P(X ≤ x) for X ~ Binomial(m, p), summed in log space (no overflow for large m). */
export function binomialCdf(x: number, m: number, p: number): number {
  if (x < 0) return 0;
  if (x >= m) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  // terms C(m, i) p^i q^(m−i), i = 0..x, from the largest (log-sum-exp)
  const logs: number[] = [];
  let logChoose = 0;
  for (let i = 0; i <= x; i++) {
    if (i > 0) logChoose += Math.log(m - i + 1) - Math.log(i);
    logs.push(logChoose + i * logP + (m - i) * logQ);
  }
  const top = Math.max(...logs);
  let sum = 0;
  for (const value of logs) sum += Math.exp(value - top);
  return Math.min(1, Math.exp(top) * sum);
}

/** The p in (0, 1) where a decreasing function of p crosses `target`, by bisection. */
function solveDecreasing(f: (p: number) => number, target: number): number {
  let low = 0;
  let high = 1;
  for (let i = 0; i < 200 && high - low > 1e-15; i++) {
    const middle = (low + high) / 2;
    if (f(middle) > target) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** The Clopper–Pearson interval of x successes in m trials at `level` (e.g. 0.95). */
export function clopperPearson(x: number, m: number, level: number): { lo: number; hi: number } {
  if (!Number.isInteger(x) || !Number.isInteger(m) || m < 1 || x < 0 || x > m) throw new RangeError(`Clopper–Pearson needs integers 0 <= x <= m, m >= 1 (got x=${x}, m=${m})`);
  if (!(level > 0 && level < 1)) throw new RangeError(`interval level must be in (0, 1), got ${level}`);
  const tail = (1 - level) / 2;
  const edge = tail ** (1 / m);
  // P(X ≥ x | p) = 1 − P(X ≤ x − 1 | p) increases with p; P(X ≤ x | p) decreases with p.
  const lo = x === 0 ? 0 : x === m ? edge : solveDecreasing((p) => binomialCdf(x - 1, m, p), 1 - tail);
  const hi = x === m ? 1 : x === 0 ? 1 - edge : solveDecreasing((p) => binomialCdf(x, m, p), tail);
  return { lo, hi };
}
