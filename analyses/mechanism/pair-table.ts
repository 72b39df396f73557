/**
 * The per-task counts of one comparison between policies a and b: tasks × categories, kept per task so
 * that a task-clustered bootstrap only has to re-weight rows instead of re-reading episodes.
 */
import { type CategoryTotals, emptyTotals } from './category-totals';

/** Per-task, per-category episode and success counts of policies a and b over the same tasks. */
export interface PairTable {
  /** Task ids, the union of both policies' tasks. */
  tasks: string[];
  categories: string[];
  /** Row-major tasks × categories. */
  nA: Float64Array;
  cA: Float64Array;
  nB: Float64Array;
  cB: Float64Array;
}

/** One episode reduced to what a pair table needs. */
export interface PairEpisode {
  /** Index into the table's task list. */
  task: number;
  /** 0 = policy a, 1 = policy b. */
  side: 0 | 1;
  /** Index into the table's category list. */
  category: number;
  correct: boolean;
}

/** Builds a pair table from episodes whose task and category indices are already resolved. */
export function buildPairTable(tasks: string[], categories: string[], episodes: Iterable<PairEpisode>): PairTable {
  const size = tasks.length * categories.length;
  const table: PairTable = {
    tasks,
    categories,
    nA: new Float64Array(size),
    cA: new Float64Array(size),
    nB: new Float64Array(size),
    cB: new Float64Array(size),
  };
  const k = categories.length;
  for (const episode of episodes) {
    const cell = episode.task * k + episode.category;
    if (episode.side === 0) {
      table.nA[cell]! += 1;
      if (episode.correct) table.cA[cell]! += 1;
    } else {
      table.nB[cell]! += 1;
      if (episode.correct) table.cB[cell]! += 1;
    }
  }
  return table;
}

/**
 * Sums the table over tasks, each task counted `weights[t]` times (a bootstrap replicate), or once
 * when no weights are given.
 */
export function pairTotals(table: PairTable, weights?: ArrayLike<number>): { a: CategoryTotals; b: CategoryTotals } {
  const k = table.categories.length;
  const a = emptyTotals(k);
  const b = emptyTotals(k);
  for (let t = 0; t < table.tasks.length; t++) {
    const w = weights ? weights[t]! : 1;
    if (w === 0) continue;
    const row = t * k;
    for (let j = 0; j < k; j++) {
      a.n[j]! += w * table.nA[row + j]!;
      a.correct[j]! += w * table.cA[row + j]!;
      b.n[j]! += w * table.nB[row + j]!;
      b.correct[j]! += w * table.cB[row + j]!;
    }
  }
  return { a, b };
}
