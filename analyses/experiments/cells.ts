/**
 * The groups the model-access experiments report: every (family, budget) cell, each family with all its
 * budgets together (budget `all`, when it has more than one), and everything together (family `all`,
 * budget `all`, when there is more than one family and none is itself called `all`). Uncapped episodes
 * (budget null) form the cell `all` of their family.
 */
import { compareBudgets, type Budget } from '../budget';
import { compareText } from '../stats/compare-text';

/** A group of items and where it is reported. */
export interface CellGroup<T> {
  family: string;
  budget: Budget;
  items: T[];
}

/** The cells and pooled groups of items, in family then budget order. */
export function cellGroups<T extends { family: string; budget: number | null }>(items: readonly T[]): CellGroup<T>[] {
  const byFamily = new Map<string, Map<Budget, T[]>>();
  for (const item of items) {
    const budget: Budget = item.budget ?? 'all';
    let cells = byFamily.get(item.family);
    if (!cells) byFamily.set(item.family, (cells = new Map()));
    let cell = cells.get(budget);
    if (!cell) cells.set(budget, (cell = []));
    cell.push(item);
  }
  const groups: CellGroup<T>[] = [];
  const families = [...byFamily.keys()].sort(compareText);
  for (const family of families) {
    const cells = byFamily.get(family)!;
    const budgets = [...cells.keys()].sort(compareBudgets);
    for (const budget of budgets) groups.push({ family, budget, items: cells.get(budget)! });
    if (budgets.length > 1 && !cells.has('all')) groups.push({ family, budget: 'all', items: budgets.flatMap((budget) => cells.get(budget)!) });
  }
  if (families.length > 1 && !byFamily.has('all')) groups.push({ family: 'all', budget: 'all', items: [...items] });
  return groups;
}

/** The name of a group in words: `bridge · T = 3`, `bridge · all budgets`, `all families · all budgets`. */
export function groupName(family: string, budget: Budget): string {
  return `${family === 'all' ? 'all families' : family} · ${budget === 'all' ? 'all budgets' : `T = ${budget}`}`;
}

/** The distinct tasks of items, in first-seen order, and each item's task index. */
export function taskIndex<T extends { task: string }>(items: readonly T[]): { tasks: string[]; of: Int32Array } {
  const index = new Map<string, number>();
  const of = new Int32Array(items.length);
  items.forEach((item, i) => {
    let t = index.get(item.task);
    if (t === undefined) index.set(item.task, (t = index.size));
    of[i] = t;
  });
  return { tasks: [...index.keys()], of };
}
