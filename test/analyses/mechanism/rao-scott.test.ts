import { describe, expect, it } from 'vitest';
import { chiSquareSurvival } from '../../../analyses/mechanism/chi-square';
import { homogeneityTest } from '../../../analyses/mechanism/homogeneity';
import { buildPairTable, pairTotals, type PairEpisode, type PairTable } from '../../../analyses/mechanism/pair-table';
import { raoScott } from '../../../analyses/mechanism/rao-scott';
import { createRng, type Rng } from '../../../analyses/random/rng';

/** A pair table from per-task counts: counts[t] = [a's counts per category, b's counts per category]. */
function tableOf(counts: number[][][]): PairTable {
  const k = counts[0]![0]!.length;
  const episodes: PairEpisode[] = [];
  counts.forEach(([a, b], task) => {
    for (let s = 0; s < k; s++) {
      for (let i = 0; i < a![s]!; i++) episodes.push({ task, side: 0, category: s, correct: false });
      for (let i = 0; i < b![s]!; i++) episodes.push({ task, side: 1, category: s, correct: false });
    }
  });
  return buildPairTable(counts.map((_, t) => `t${t}`), Array.from({ length: k }, (_, s) => `s${s}`), episodes);
}

/** Inverse of a small square matrix by Gauss–Jordan elimination. */
function inverse(matrix: number[][]): number[][] {
  const n = matrix.length;
  const work = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(work[r]![col]!) > Math.abs(work[pivot]![col]!)) pivot = r;
    [work[col], work[pivot]] = [work[pivot]!, work[col]!];
    const scale = work[col]![col]!;
    for (let j = 0; j < 2 * n; j++) work[col]![j]! /= scale;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = work[r]![col]!;
      for (let j = 0; j < 2 * n; j++) work[r]![j]! -= factor * work[col]![j]!;
    }
  }
  return work.map((row) => row.slice(n));
}

/** δ̄ the textbook way: tr(V_srs⁻¹ V̂) / (K − 1) on the first K − 1 categories, with full matrices. */
function directDesignEffect(counts: number[][][]): number {
  const k = counts[0]![0]!.length;
  const m = counts.length;
  const sum = (side: 0 | 1, s: number) => counts.reduce((total, task) => total + task[side]![s]!, 0);
  const nA = counts.reduce((total, task) => total + task[0]!.reduce((x, y) => x + y, 0), 0);
  const nB = counts.reduce((total, task) => total + task[1]!.reduce((x, y) => x + y, 0), 0);
  const pA = Array.from({ length: k }, (_, s) => sum(0, s) / nA);
  const pB = Array.from({ length: k }, (_, s) => sum(1, s) / nB);
  const pooled = Array.from({ length: k }, (_, s) => (sum(0, s) + sum(1, s)) / (nA + nB));
  const u = counts.map(([a, b]) => {
    const rowA = a!.reduce((x, y) => x + y, 0);
    const rowB = b!.reduce((x, y) => x + y, 0);
    return Array.from({ length: k - 1 }, (_, s) => (a![s]! - pA[s]! * rowA) / nA - (b![s]! - pB[s]! * rowB) / nB);
  });
  const c = 1 / nA + 1 / nB;
  const design = Array.from({ length: k - 1 }, (_, i) => Array.from({ length: k - 1 }, (_, j) => (m / (m - 1)) * u.reduce((total, row) => total + row[i]! * row[j]!, 0)));
  const srs = Array.from({ length: k - 1 }, (_, i) => Array.from({ length: k - 1 }, (_, j) => c * ((i === j ? pooled[i]! : 0) - pooled[i]! * pooled[j]!)));
  const inv = inverse(srs);
  let trace = 0;
  for (let i = 0; i < k - 1; i++) for (let j = 0; j < k - 1; j++) trace += inv[i]![j]! * design[j]![i]!;
  return trace / (k - 1);
}

function multinomial(rng: Rng, n: number, weights: number[]): number[] {
  const total = weights.reduce((x, y) => x + y, 0);
  const out = weights.map(() => 0);
  for (let i = 0; i < n; i++) {
    let r = rng.next() * total;
    let s = 0;
    while (s < weights.length - 1 && r >= weights[s]!) r -= weights[s++]!;
    out[s]! += 1;
  }
  return out;
}

describe('Rao–Scott corrected homogeneity test', () => {
  it('equals the direct matrix formula on a small table', () => {
    const counts = [
      [[5, 1, 0], [3, 2, 1]],
      [[0, 4, 2], [1, 4, 1]],
      [[2, 2, 2], [0, 1, 5]],
      [[6, 0, 0], [4, 1, 1]],
    ];
    const table = tableOf(counts);
    const { a, b } = pairTotals(table);
    const test = homogeneityTest([Array.from(a.n), Array.from(b.n)]);
    const result = raoScott(table, test.chi2, test.df);
    expect(result.designEffect).toBeCloseTo(directDesignEffect(counts), 12);
    expect(result.chi2).toBeCloseTo(test.chi2 / result.designEffect, 12);
    expect(result.p_value).toBeCloseTo(chiSquareSurvival(test.chi2 / result.designEffect, 2), 12);
  });

  it('random tables: the shortcut Σ V̂_kk / p_k equals the matrix formula', () => {
    const rng = createRng('rao-scott tables');
    for (let trial = 0; trial < 50; trial++) {
      const k = 2 + rng.int(4);
      const counts = Array.from({ length: 3 + rng.int(10) }, () => [0, 1].map(() => Array.from({ length: k }, () => 1 + rng.int(6))));
      const table = tableOf(counts);
      const { a, b } = pairTotals(table);
      const test = homogeneityTest([Array.from(a.n), Array.from(b.n)]);
      expect(raoScott(table, test.chi2, test.df).designEffect).toBeCloseTo(directDesignEffect(counts), 10);
    }
  });

  it('is about 1 with one episode per task, and about the episodes per task when a task fixes the strategy', () => {
    const rng = createRng('rao-scott deff');
    const single = Array.from({ length: 2000 }, () => [0, 1].map(() => multinomial(rng, 1, [1, 2, 3])));
    const t1 = tableOf(single);
    const { a, b } = pairTotals(t1);
    expect(raoScott(t1, homogeneityTest([Array.from(a.n), Array.from(b.n)]).chi2, 2).designEffect).toBeCloseTo(1, 1);
    // all 8 episodes of a policy on a task take one strategy (drawn per task and policy): δ̄ ≈ 8
    const clustered = Array.from({ length: 2000 }, () => [0, 1].map(() => {
      const s = rng.int(3);
      return [0, 1, 2].map((j) => (j === s ? 8 : 0));
    }));
    const t2 = tableOf(clustered);
    const totals = pairTotals(t2);
    const deff = raoScott(t2, homogeneityTest([Array.from(totals.a.n), Array.from(totals.b.n)]).chi2, 2).designEffect;
    expect(deff).toBeGreaterThan(7);
    expect(deff).toBeLessThan(9);
  });

  it('holds its level when episodes are clustered by task, where the naive test does not', () => {
    const rng = createRng('rao-scott level');
    let naive = 0;
    let corrected = 0;
    const trials = 300;
    for (let trial = 0; trial < trials; trial++) {
      // 40 tasks; on each, each policy has its own strategy propensities, drawn from one distribution (null),
      // and draws its 16 episodes from them: episodes of a policy are alike within a task
      const propensities = () => [0.1 + rng.next(), 0.1 + rng.next(), 0.1 + rng.next()].map((w) => w ** 3);
      const counts = Array.from({ length: 40 }, () => [multinomial(rng, 16, propensities()), multinomial(rng, 16, propensities())]);
      const table = tableOf(counts);
      const { a, b } = pairTotals(table);
      const test = homogeneityTest([Array.from(a.n), Array.from(b.n)]);
      if (test.p_value < 0.05) naive += 1;
      if (raoScott(table, test.chi2, test.df).p_value < 0.05) corrected += 1;
    }
    expect(naive / trials).toBeGreaterThan(0.2);
    expect(corrected / trials).toBeLessThan(0.1);
  });

  it('is 1 with nothing to compare and undefined with one task', () => {
    expect(raoScott(tableOf([[[3], [2]]]), 0, 0).p_value).toBe(1);
    expect(raoScott(tableOf([[[3, 1], [2, 2]]]), 0.5, 1).p_value).toBeNaN();
  });
});
