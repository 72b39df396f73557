/**
 * The power analysis of every policy pair at each family's headline budget (the largest T the data
 * was run at, else `all`): the k = n boundary row's compared tasks with their counts under both policies, fed to
 * boundary-power.ts at the level Holm requires of the smallest p-value of the boundary family (p_holm)
 * (alpha / tests: the most demanding step, so the numbers are conservative for the others).
 */
import { compareText } from '../stats/compare-text';
import { headlineBudget, type Budget } from '../budget';
import type { TaskCounts } from './boundary';
import { indexCounts, type PairBoundary } from './boundary-table';
import { boundaryPower, type BoundaryPower, type PairedCounts } from './boundary-power';
import type { Outcome } from './outcomes';

/** The power analysis of one pair. */
export interface PairPower extends BoundaryPower {
  family: string;
  budget: Budget;
  a: string;
  b: string;
  /** The k of the boundary row (the smallest n of a compared task). */
  n: number;
  alpha: number;
  tests: number;
  alphaAdjusted: number;
  target: number;
  maxTasks: number;
}

/** Settings: the verdicts' level and the boundary family's size, the wanted power, the largest task count searched. */
export interface PowerTableSettings {
  alpha: number;
  tests: number;
  target: number;
  maxTasks: number;
  /** Each family's headline budget (the largest T the data was run at); else the largest of its rows. */
  headline?: Readonly<Record<string, Budget>>;
}

/** One row per pair at each family's headline budget. */
export function powerTable(outcomes: readonly Outcome[], boundaries: readonly PairBoundary[], settings: PowerTableSettings): PairPower[] {
  const index = indexCounts(outcomes);
  const alphaAdjusted = settings.alpha / Math.max(1, settings.tests);
  const atN = boundaries.filter((row) => row.atN);
  const rows: PairPower[] = [];
  for (const family of [...new Set(atN.map((row) => row.family))].sort(compareText)) {
    const own = atN.filter((row) => row.family === family);
    const budget = settings.headline?.[family] ?? headlineBudget(own.map((row) => row.budget));
    for (const row of own.filter((entry) => entry.budget === budget)) {
      const byPolicy = index.get(family)?.get(String(row.budget));
      const a = byPolicy?.get(row.a) as Map<string, TaskCounts>;
      const b = byPolicy?.get(row.b) as Map<string, TaskCounts>;
      const tasks: PairedCounts[] = [...row.onlyA, ...row.onlyB, ...row.both, ...row.neither].sort(compareText).map((task) => {
        const left = a.get(task) as TaskCounts;
        const right = b.get(task) as TaskCounts;
        return { nA: left.n, cA: left.c, nB: right.n, cB: right.c };
      });
      const result = boundaryPower(tasks, { onlyA: row.onlyA.length, onlyB: row.onlyB.length }, { alpha: alphaAdjusted, target: settings.target, maxTasks: settings.maxTasks });
      rows.push({ family, budget: row.budget, a: row.a, b: row.b, n: row.k, alpha: settings.alpha, tests: settings.tests, alphaAdjusted, target: settings.target, maxTasks: settings.maxTasks, ...result });
    }
  }
  return rows;
}
