/**
 * The exact McNemar test: under "neither policy is better", each discordant task (solved by exactly
 * one of the two) is equally likely to favour either, so only_a ~ Binomial(only_a + only_b, 1/2).
 */

/** Two-sided exact McNemar p-value: min(1, 2 · P(X <= min(onlyA, onlyB))), X ~ Bin(onlyA + onlyB, 1/2); 1 with no discordant task. */
export function exactMcNemarP(onlyA: number, onlyB: number): number {
  if (!Number.isInteger(onlyA) || !Number.isInteger(onlyB) || onlyA < 0 || onlyB < 0) throw new RangeError(`McNemar needs non-negative integer counts (got ${onlyA}, ${onlyB})`);
  const total = onlyA + onlyB;
  if (total === 0) return 1;
  const smaller = Math.min(onlyA, onlyB);
  let tail = 0;
  if (total <= 1000) {
    // 2^-total is exact in a double here; each term follows from the last by one multiply
    let term = 2 ** -total;
    tail = term;
    for (let i = 1; i <= smaller; i++) {
      term *= (total - i + 1) / i;
      tail += term;
    }
  } else {
    // beyond that 2^-total underflows: carry log C(total, i) instead
    const logHalfPower = -total * Math.LN2;
    let logChoose = 0;
    tail = Math.exp(logHalfPower);
    for (let i = 1; i <= smaller; i++) {
      logChoose += Math.log(total - i + 1) - Math.log(i);
      tail += Math.exp(logChoose + logHalfPower);
    }
  }
  return Math.min(1, 2 * tail);
}
