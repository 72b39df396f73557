/**
 * The paired sign-flip (randomization) test of a mean difference over tasks: under "the two policies
 * are exchangeable on every task", each task's difference d_t is as likely to be +|d_t| as −|d_t|, so
 * the observed |Σ d_t| is compared with |Σ ±d_t| over sign patterns. Exact (all 2^m patterns) when at
 * most `EXACT_LIMIT` tasks differ; otherwise `permutations` random patterns with
 * p = (1 + #{|Σ ±d| ≥ |Σ d|}) / (permutations + 1), a valid p-value for any number of draws.
 */
import type { Rng } from '../random/rng';

/** Up to this many non-zero differences the test enumerates every sign pattern. */
export const EXACT_LIMIT = 16;

/** The test's result. */
export interface SignFlipResult {
  /** Two-sided p-value (1 when every difference is 0). */
  p: number;
  /** True when every sign pattern was enumerated. */
  exact: boolean;
  /** Sign patterns evaluated. */
  patterns: number;
}

/** Two-sided sign-flip test of the mean of `differences`. */
export function signFlipTest(differences: readonly number[], permutations: number, rng: Rng): SignFlipResult {
  const d = differences.filter((value) => value !== 0 && Number.isFinite(value));
  if (d.length === 0) return { p: 1, exact: true, patterns: 1 };
  let observed = 0;
  let scale = 0;
  for (const value of d) {
    observed += value;
    scale += Math.abs(value);
  }
  // sums equal up to rounding count as "at least as extreme"
  const threshold = Math.abs(observed) - 1e-12 * scale;
  if (d.length <= EXACT_LIMIT) {
    const patterns = 2 ** d.length;
    let extreme = 0;
    for (let mask = 0; mask < patterns; mask++) {
      let sum = 0;
      for (let i = 0; i < d.length; i++) sum += mask & (1 << i) ? -(d[i] as number) : (d[i] as number);
      if (Math.abs(sum) >= threshold) extreme += 1;
    }
    return { p: extreme / patterns, exact: true, patterns };
  }
  if (!Number.isInteger(permutations) || permutations < 1) throw new RangeError(`sign-flip test needs at least one permutation (got ${permutations})`);
  let extreme = 0;
  for (let r = 0; r < permutations; r++) {
    let sum = 0;
    for (const value of d) sum += rng.next() < 0.5 ? -value : value;
    if (Math.abs(sum) >= threshold) extreme += 1;
  }
  return { p: (1 + extreme) / (permutations + 1), exact: false, patterns: permutations };
}
