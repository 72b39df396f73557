/**
 * Capability boundary: which tasks each policy solves at least once in k samples, and the set
 * differences between two policies (the study's "RL \ base : base \ RL").
 */
import { passAtK } from '../stats/pass-at-k';
import { compareText } from '../stats/compare-text';

/** n episodes and c successes of one policy on one task. */
export interface TaskCounts {
  n: number;
  c: number;
}

/**
 * Whether k samples solve a task: its estimated pass@k is at least 1/2 (k samples solve it more often
 * than not). At k = n this is exactly "solved at least once" (c > 0), the study's boundary.
 */
export function solvedAt(n: number, c: number, k: number): boolean {
  return passAtK(n, c, k) >= 0.5;
}

/** The four sets of tasks at one k, and the tasks left out. */
export interface BoundarySets {
  /**
   * The k of the row. At k = n (each task at its own n): the smallest number of episodes either
   * policy has on a compared task, so every compared task had at least k samples under both.
   */
  k: number;
  /** The largest number of episodes either policy has on a compared task (equal to k at k = n unless n is uneven). */
  nMax: number;
  onlyA: string[];
  onlyB: string[];
  both: string[];
  neither: string[];
  /** Tasks of either policy not compared: missing under the other policy, or (at a numeric k) fewer than k episodes. */
  excluded: string[];
}

/**
 * Boundary sets of policies a and b over their common tasks, or null when no task is comparable.
 * At `'n'` (the capability boundary) every common task is compared at its own episode counts: solved
 * means some episode is correct (c > 0), whatever n each policy has there — tasks with uneven n are
 * neither dropped nor judged at someone else's n. At a numeric k, tasks with fewer than k episodes
 * under either policy are left out and the rest count as solved when pass@k >= 1/2 (`solvedAt`).
 */
export function boundarySets(a: ReadonlyMap<string, TaskCounts>, b: ReadonlyMap<string, TaskCounts>, k: number | 'n'): BoundarySets | null {
  const sets: BoundarySets = { k: 0, nMax: 0, onlyA: [], onlyB: [], both: [], neither: [], excluded: [] };
  let nMin = Infinity;
  const tasks = [...new Set([...a.keys(), ...b.keys()])].sort(compareText);
  for (const task of tasks) {
    const left = a.get(task);
    const right = b.get(task);
    const common = left && right ? Math.min(left.n, right.n) : 0;
    if (!left || !right || common < 1 || (k !== 'n' && common < k)) {
      sets.excluded.push(task);
      continue;
    }
    const solvedA = k === 'n' ? left.c > 0 : solvedAt(left.n, left.c, k);
    const solvedB = k === 'n' ? right.c > 0 : solvedAt(right.n, right.c, k);
    (solvedA ? (solvedB ? sets.both : sets.onlyA) : solvedB ? sets.onlyB : sets.neither).push(task);
    nMin = Math.min(nMin, common);
    sets.nMax = Math.max(sets.nMax, left.n, right.n);
  }
  const compared = sets.onlyA.length + sets.onlyB.length + sets.both.length + sets.neither.length;
  if (compared === 0) return null;
  sets.k = k === 'n' ? nMin : k;
  return sets;
}
