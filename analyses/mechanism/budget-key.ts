/** Budget keys as written in outputs: the integer T, or `all` for uncapped episodes. */

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
export function budgetValue(key: string): number | string {
  return key === 'all' ? 'all' : Number(key);
}
