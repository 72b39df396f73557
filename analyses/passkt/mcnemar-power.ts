/**
 * The power of the two-sided exact McNemar test when m tasks are drawn from a population in which a
 * task is solved (at k = n) by a only with probability πa and by b only with probability πb. The
 * numbers of discordant tasks are then multinomial: D = only_a + only_b ~ Bin(m, πa + πb) and, given
 * D, only_a ~ Bin(D, θ) with θ = πa / (πa + πb). The test rejects in a's favour when only_a is at
 * least the critical value c(D) — the smallest x > D/2 with exact p(x, D − x) < alpha — so
 *   power = Σ_D P(D) · P(only_a ≥ c(D) | D).
 * Computed exactly up to `EXACT_DISCORDANT` discordant tasks; beyond, both the test and the tail use
 * the normal approximation with continuity correction (z = (|only_a − only_b| − 1)/√D).
 */
import { binomialCdf } from '../stats/clopper-pearson';
import { normalCdf, normalQuantile } from '../stats/normal';
import { exactMcNemarP } from './mcnemar';

/** Up to this many discordant tasks the critical values and tails are exact. */
export const EXACT_DISCORDANT = 1000;

const criticalCache = new Map<string, number>();

/** The smallest only_a (> D/2) the exact two-sided McNemar test rejects at `alpha` with D discordant tasks; Infinity when none. */
export function mcNemarCritical(discordant: number, alpha: number): number {
  const key = `${alpha}:${discordant}`;
  const cached = criticalCache.get(key);
  if (cached !== undefined) return cached;
  let x = Math.floor(discordant / 2) + 1;
  // p(x, D − x) falls as x grows: walk up from the middle (D ≤ 1000 here)
  while (x <= discordant && exactMcNemarP(x, discordant - x) >= alpha) x += 1;
  const critical = x <= discordant ? x : Infinity;
  criticalCache.set(key, critical);
  return critical;
}

/** P(only_a ≥ c(D)) for only_a ~ Bin(D, θ): exact up to EXACT_DISCORDANT, normal beyond. */
function rejectGiven(discordant: number, theta: number, alpha: number, zCritical: number): number {
  if (discordant <= EXACT_DISCORDANT) {
    const critical = mcNemarCritical(discordant, alpha);
    return Number.isFinite(critical) ? 1 - binomialCdf(critical - 1, discordant, theta) : 0;
  }
  // reject when 2x − D − 1 > z·√D, i.e. x > (D + 1 + z√D) / 2
  const critical = Math.floor((discordant + 1 + zCritical * Math.sqrt(discordant)) / 2) + 1;
  const sd = Math.sqrt(discordant * theta * (1 - theta));
  if (sd === 0) return theta * discordant >= critical ? 1 : 0;
  return 1 - normalCdf((critical - 0.5 - discordant * theta) / sd);
}

/** Power of the exact McNemar test at `alpha` (rejections in a's favour only) with m tasks. */
export function mcNemarPower(m: number, onlyA: number, onlyB: number, alpha: number): number {
  const discordance = onlyA + onlyB;
  if (m < 1 || discordance <= 0 || onlyA <= 0) return 0;
  const theta = onlyA / discordance;
  const zCritical = normalQuantile(1 - alpha / 2);
  if (discordance >= 1) return rejectGiven(m, theta, alpha, zCritical);
  // P(D) by the recurrence P(D + 1) = P(D) · (m − D)/(D + 1) · π/(1 − π), in log space, over the D that matter
  const mean = m * discordance;
  const spread = 12 * Math.sqrt(mean * (1 - discordance)) + 12;
  const from = Math.max(0, Math.floor(mean - spread));
  const to = Math.min(m, Math.ceil(mean + spread));
  const logRatio = Math.log(discordance) - Math.log1p(-discordance);
  let logP = m * Math.log1p(-discordance);
  for (let d = 0; d < from; d++) logP += Math.log(m - d) - Math.log(d + 1) + logRatio;
  let power = 0;
  for (let d = from; d <= to; d++) {
    const p = Math.exp(logP);
    if (p > 1e-16 && d > 0) power += p * rejectGiven(d, theta, alpha, zCritical);
    logP += Math.log(m - d) - Math.log(d + 1) + logRatio;
  }
  return Math.min(1, power);
}
