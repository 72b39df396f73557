/**
 * Budget keys: an interaction budget T of the grid, or `all` (uncapped episodes with no threshold).
 */

/** A budget T of the grid, or `all` for plain pass@k of uncapped episodes. */
export type Budget = number | 'all';

/** How a row's episodes were assigned to its budget (FORMAT.md "How episodes are assigned"). */
export type BudgetMode = 'capped' | 'thresholded';

/** The grid used when the data names none: the study's T values. */
export const DEFAULT_BUDGET_GRID: readonly number[] = [0, 1, 2, 3, 5];

/** Orders budgets: numbers ascending, then `all`. */
export function compareBudgets(a: Budget, b: Budget): number {
  if (a === b) return 0;
  if (a === 'all') return 1;
  if (b === 'all') return -1;
  return a - b;
}

/** Reads a budget back from text (`all` or an integer), as written in CSV and JSONL outputs. */
export function parseBudget(value: unknown): Budget {
  if (value === 'all') return 'all';
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isInteger(number) || number < 0) throw new RangeError(`not a budget: ${JSON.stringify(value)} (expected a non-negative integer or "all")`);
  return number;
}

/** A sorted grid of distinct non-negative integer budgets. */
export function normalizeGrid(budgets: Iterable<number>): number[] {
  return [...new Set(budgets)].sort((a, b) => a - b);
}

/** A budget and, when known, how its rows were measured. */
export interface BudgetEntry {
  budget: Budget;
  /** `thresholded` rows at a T are uncapped episodes cut at T rounds, not episodes run under T. */
  mode?: string;
}

/**
 * The budget a family's headline reports: the largest T the data was run at, else `all`. A T that only
 * thresholded rows have is not one (the episodes ran uncapped), so uncapped data reports `all` and a
 * headline never names a budget the data was not run under. Plain budgets count as run. Null when none.
 */
export function headlineBudget(entries: Iterable<Budget | BudgetEntry>): Budget | null {
  let best: Budget | null = null;
  for (const entry of entries) {
    const { budget, mode } = typeof entry === 'object' ? entry : { budget: entry, mode: undefined };
    if (budget === 'all') best ??= 'all';
    else if (mode !== 'thresholded' && (best === null || best === 'all' || budget > best)) best = budget;
  }
  return best;
}

// Budget keys: the mechanism stages group episodes by budget as text (`5`, or `all` for uncapped).

/** `5` → "5", null (uncapped) → "all". */
export function budgetKey(budget: number | null): string {
  return budget === null ? 'all' : String(budget);
}

/** Orders budget keys numerically, with `all` last. */
export function compareBudgetKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'all') return 1;
  if (b === 'all') return -1;
  return Number(a) - Number(b);
}

/** The budget key as a CSV value: a number for capped budgets, `all` otherwise. */
export function budgetValue(key: string): Budget {
  return key === 'all' ? 'all' : Number(key);
}
