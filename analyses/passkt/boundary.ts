/**
 * Capability boundary: which tasks each policy solves at least once in k samples, and the set
 * differences between two policies (the study's "RL \ base : base \ RL").
 */
import { passAtK } from './estimator';
import { compareText } from './outcomes';

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
  k: number;
  onlyA: string[];
  onlyB: string[];
  both: string[];
  neither: string[];
  /** Tasks of either policy not compared: missing under the other policy, or fewer than k episodes. */
  excluded: string[];
}

/**
 * Boundary sets of policies a and b over their common tasks at k, or at k = n (`'n'`: the largest
 * number of episodes both policies have on some task). Null when no task is comparable.
 */
export function boundarySets(a: ReadonlyMap<string, TaskCounts>, b: ReadonlyMap<string, TaskCounts>, k: number | 'n'): BoundarySets | null {
  let kUsed = typeof k === 'number' ? k : 0;
  if (k === 'n') {
    for (const [task, left] of a) {
      const right = b.get(task);
      if (right) kUsed = Math.max(kUsed, Math.min(left.n, right.n));
    }
  }
  if (kUsed < 1) return null;
  const sets: BoundarySets = { k: kUsed, onlyA: [], onlyB: [], both: [], neither: [], excluded: [] };
  const tasks = [...new Set([...a.keys(), ...b.keys()])].sort(compareText);
  for (const task of tasks) {
    const left = a.get(task);
    const right = b.get(task);
    if (!left || !right || left.n < kUsed || right.n < kUsed) {
      sets.excluded.push(task);
      continue;
    }
    const solvedA = solvedAt(left.n, left.c, kUsed);
    const solvedB = solvedAt(right.n, right.c, kUsed);
    (solvedA ? (solvedB ? sets.both : sets.onlyA) : solvedB ? sets.onlyB : sets.neither).push(task);
  }
  const compared = sets.onlyA.length + sets.onlyB.length + sets.both.length + sets.neither.length;
  return compared > 0 ? sets : null;
}
