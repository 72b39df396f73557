/**
 * The first-order Rao–Scott correction of the Pearson X² test of homogeneity for the 2 × K table of
 * strategies (policies a and b), with episodes clustered by task: the 64 episodes of one task are
 * alike, so the table holds less information than its counts suggest.
 *
 * The proportions p̂_a, p̂_b are ratio estimators over tasks; their difference u = p̂_a − p̂_b has the
 * task-level (linearised, with-replacement) covariance
 *   V̂ = m/(m − 1) · Σ_t u_t u_tᵀ,  u_t = (n_a,t,k − p̂_a,k·n_a,t)/N_a − (n_b,t,k − p̂_b,k·n_b,t)/N_b,
 * which keeps the covariance between policies that the shared tasks induce. Under independent
 * episodes it would be c·(diag(p) − p pᵀ), c = 1/N_a + 1/N_b, with p the pooled proportions. The mean
 * design effect is δ̄ = tr(diag(p)⁻¹ V̂) / (c·(K − 1)) = Σ_k V̂_kk / p_k / (c·(K − 1)) — diag(1/p) is a
 * generalised inverse of diag(p) − p pᵀ — and the corrected statistic X²/δ̄ is referred to χ²(K − 1).
 * With one episode per task δ̄ ≈ 1; when a task's episodes all take one strategy it is about the
 * number of episodes per task.
 */
import { chiSquareSurvival } from './chi-square';
import type { PairTable } from './pair-table';

/** The corrected test. */
export interface RaoScott {
  /** Mean generalised design effect δ̄ (NaN when undefined: fewer than 2 tasks, no categories to compare). */
  designEffect: number;
  /** X² / δ̄. */
  chi2: number;
  /** P(χ²(df) > X² / δ̄); 1 when df = 0, NaN when δ̄ is undefined. */
  p_value: number;
}

/** Rao–Scott corrected test of the table's Pearson `chi2` with `df` degrees of freedom. */
export function raoScott(table: PairTable, chi2: number, df: number): RaoScott {
  if (df === 0) return { designEffect: NaN, chi2: 0, p_value: 1 };
  const k = table.categories.length;
  const m = table.tasks.length;
  const rowA = new Float64Array(m);
  const rowB = new Float64Array(m);
  const totalA = new Float64Array(k);
  const totalB = new Float64Array(k);
  for (let t = 0; t < m; t++) {
    for (let s = 0; s < k; s++) {
      rowA[t]! += table.nA[t * k + s]!;
      rowB[t]! += table.nB[t * k + s]!;
      totalA[s]! += table.nA[t * k + s]!;
      totalB[s]! += table.nB[t * k + s]!;
    }
  }
  const nA = rowA.reduce((sum, value) => sum + value, 0);
  const nB = rowB.reduce((sum, value) => sum + value, 0);
  if (m < 2 || nA === 0 || nB === 0) return { designEffect: NaN, chi2: NaN, p_value: NaN };
  let trace = 0;
  for (let s = 0; s < k; s++) {
    const pooled = (totalA[s]! + totalB[s]!) / (nA + nB);
    if (pooled === 0) continue;
    const pA = totalA[s]! / nA;
    const pB = totalB[s]! / nB;
    let variance = 0;
    for (let t = 0; t < m; t++) {
      const u = (table.nA[t * k + s]! - pA * rowA[t]!) / nA - (table.nB[t * k + s]! - pB * rowB[t]!) / nB;
      variance += u * u;
    }
    trace += ((m / (m - 1)) * variance) / pooled;
  }
  const designEffect = trace / ((1 / nA + 1 / nB) * df);
  if (!(designEffect > 0)) return { designEffect: NaN, chi2: NaN, p_value: NaN };
  const corrected = chi2 / designEffect;
  return { designEffect, chi2: corrected, p_value: chiSquareSurvival(corrected, df) };
}
