/**
 * The unbiased per-task estimators of the study, in the numerically stable product form
 * (Chen et al. 2021): binomial coefficients of n = 64 overflow nothing here, but their ratio loses
 * digits when computed as two large numbers, while a product of factors in [0, 1] does not.
 */

function checkArguments(n: number, c: number, k: number): void {
  if (!Number.isInteger(n) || !Number.isInteger(c) || !Number.isInteger(k) || n < 1 || c < 0 || c > n || k < 1 || k > n) {
    throw new RangeError(`pass estimator needs integers 1 <= k <= n and 0 <= c <= n (got n=${n}, c=${c}, k=${k})`);
  }
}

/**
 * pass@k of one task from n episodes with c correct: 1 - C(n-c, k) / C(n, k), the probability that
 * k episodes drawn without replacement contain a correct one. Exactly 1 when n - c < k.
 */
export function passAtK(n: number, c: number, k: number): number {
  checkArguments(n, c, k);
  if (n - c < k) return 1;
  // C(n-c,k)/C(n,k) = prod_{i=n-c+1}^{n} (1 - k/i)
  let allWrong = 1;
  for (let i = n - c + 1; i <= n; i++) allWrong *= 1 - k / i;
  return 1 - allWrong;
}

/**
 * pass^k of one task (reliability: all k drawn episodes correct): C(c, k) / C(n, k).
 * Exactly 0 when c < k and exactly 1 when c = n.
 */
export function passHatK(n: number, c: number, k: number): number {
  checkArguments(n, c, k);
  if (c < k) return 0;
  // C(c,k)/C(n,k) = prod_{i=0}^{k-1} (c-i)/(n-i)
  let allRight = 1;
  for (let i = 0; i < k; i++) allRight *= (c - i) / (n - i);
  return allRight;
}

/** Which per-task estimator a curve uses. */
export type Estimator = 'pass' | 'passhat';

/** The estimator function for a name. */
export function estimatorFunction(estimator: Estimator): (n: number, c: number, k: number) => number {
  return estimator === 'pass' ? passAtK : passHatK;
}
