/**
 * Small selections every figure makes the same way: family order, the headline budget of each family,
 * the k values shown.
 */
import { compareText } from '../../analyses/stats/compare-text';
import { kTicks } from '../theme/axes';
import { type Budget, type BudgetEntry, headlineBudget } from '../../analyses/budget';

/** Canonical family order: by code point, as every stage prints and writes them, so console and page agree. */
export function orderFamilies(families: Iterable<string>): string[] {
  return [...new Set(families)].sort(compareText);
}

/**
 * Headline budget per family of rows that carry family and budget; rows that carry a `mode` (passkt
 * tables) never make a thresholded T the headline — the data was not run at it.
 */
export function headlineBudgets(rows: readonly { family: string; budget: Budget; mode?: string }[]): Map<string, Budget> {
  const byFamily = new Map<string, BudgetEntry[]>();
  for (const row of rows) {
    const list = byFamily.get(row.family) ?? [];
    list.push(row);
    byFamily.set(row.family, list);
  }
  const result = new Map<string, Budget>();
  for (const [family, entries] of byFamily) {
    const best = headlineBudget(entries);
    if (best !== null) result.set(family, best);
  }
  return result;
}

/** Text of a budget for labels: `T = 5`, or `no cap` for `all`. */
export function budgetLabel(budget: Budget): string {
  return budget === 'all' ? 'no cap' : `T = ${budget}`;
}

/** Integer budgets, ascending. */
export function integerBudgets(budgets: Iterable<Budget>): number[] {
  return [...new Set([...budgets].filter((b): b is number => b !== 'all'))].sort((a, b) => a - b);
}

/** True when k is shown on a log2 axis whose largest k is maxK (a power of two, or maxK itself). */
export function isShownK(k: number, maxK: number): boolean {
  return kTicks(maxK).includes(k);
}

/** Groups items by a string key, keeping first-seen order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

