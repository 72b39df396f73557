/**
 * Boundary sets and McNemar tests for every family, budget and policy pair of an outcome table, with
 * p-values adjusted over every boundary test of the table (Holm: family-wise error; Benjamini–Hochberg:
 * false discovery rate). Verdicts on top of them: verdict-table.ts.
 */
import { boundarySets, type BoundarySets, type TaskCounts } from './boundary';
import { compareBudgets, type Budget } from '../budget';
import { exactMcNemarP } from './mcnemar';
import { type Outcome } from './outcomes';
import type { PolicyPair } from './pairs';
import { compareText } from '../stats/compare-text';
import { benjaminiHochbergAdjust } from '../stats/benjamini-hochberg';
import { holmAdjust } from '../stats/holm';

/** The boundary of one pair at one budget and k. */
export interface PairBoundary extends BoundarySets {
  family: string;
  budget: Budget;
  a: string;
  b: string;
  pValue: number;
  /** Holm-adjusted p over every boundary row of the table (all families, budgets, pairs and k). */
  pHolm: number;
  /** Benjamini–Hochberg q-value over the same family of tests. */
  qBh: number;
  /** True for the k = n row (the capability boundary proper). */
  atN: boolean;
}

/** Per family, per budget, per policy: task -> counts. */
export type CountIndex = Map<string, Map<string, Map<string, Map<string, TaskCounts>>>>;

/** The outcome counts indexed by family, budget, policy and task. */
export function indexCounts(outcomes: readonly Outcome[]): CountIndex {
  const index: CountIndex = new Map();
  for (const outcome of outcomes) {
    let byBudget = index.get(outcome.family);
    if (!byBudget) index.set(outcome.family, (byBudget = new Map()));
    let byPolicy = byBudget.get(String(outcome.budget));
    if (!byPolicy) byBudget.set(String(outcome.budget), (byPolicy = new Map()));
    let byTask = byPolicy.get(outcome.policy);
    if (!byTask) byPolicy.set(outcome.policy, (byTask = new Map()));
    byTask.set(outcome.task, { n: outcome.n, c: outcome.c });
  }
  return index;
}

/**
 * Boundary rows for every family, budget and pair: k = n first (each task at its own n), then each
 * extra k below the k = n row's k (the smallest n), so the k = n row always has the largest k of its
 * (family, budget, pair) — consumers such as the report pick it that way.
 */
export function pairBoundaries(outcomes: readonly Outcome[], pairs: readonly PolicyPair[], extraK: readonly number[] = []): PairBoundary[] {
  const rows: PairBoundary[] = [];
  const index = indexCounts(outcomes);
  const ks = [...new Set(extraK)].sort((x, y) => x - y);
  for (const family of [...index.keys()].sort(compareText)) {
    const byBudget = index.get(family) as Map<string, Map<string, Map<string, TaskCounts>>>;
    const budgets = [...byBudget.keys()].map((key) => (key === 'all' ? 'all' : Number(key)) as Budget).sort(compareBudgets);
    for (const pair of pairs) {
      for (const budget of budgets) {
        const byPolicy = byBudget.get(String(budget)) as Map<string, Map<string, TaskCounts>>;
        const a = byPolicy.get(pair.a);
        const b = byPolicy.get(pair.b);
        if (!a || !b) continue;
        const atN = boundarySets(a, b, 'n');
        if (!atN) continue;
        rows.push({ family, budget, a: pair.a, b: pair.b, ...atN, pValue: exactMcNemarP(atN.onlyA.length, atN.onlyB.length), pHolm: NaN, qBh: NaN, atN: true });
        for (const k of ks) {
          if (k >= atN.k) continue;
          const sets = boundarySets(a, b, k);
          if (sets) rows.push({ family, budget, a: pair.a, b: pair.b, ...sets, pValue: exactMcNemarP(sets.onlyA.length, sets.onlyB.length), pHolm: NaN, qBh: NaN, atN: false });
        }
      }
    }
  }
  const pValues = rows.map((row) => row.pValue);
  const holm = holmAdjust(pValues);
  const bh = benjaminiHochbergAdjust(pValues);
  rows.forEach((row, i) => {
    row.pHolm = holm[i] as number;
    row.qBh = bh[i] as number;
  });
  return rows;
}

