/** Test helpers: category totals from plain arrays, and random totals for additivity checks. */
import type { CategoryTotals } from '../../../analyses/mechanism/category-totals';
import { createRng, type Rng } from '../../../analyses/random/rng';

/** Totals from episode and success counts per category. */
export function totalsOf(n: number[], correct: number[]): CategoryTotals {
  return { n: Float64Array.from(n), correct: Float64Array.from(correct) };
}

/** Random totals over k categories; about a third of the categories are empty (to exercise new/lost strategies). */
export function randomTotals(rng: Rng, k: number, emptyChance = 0.3): CategoryTotals {
  const n: number[] = Array.from({ length: k }, () => (rng.next() < emptyChance ? 0 : 1 + rng.int(200)));
  const correct: number[] = n.map((count) => rng.int(count + 1));
  if (!n.some((count) => count > 0)) {
    n[0] = 1;
    correct[0] = rng.int(2);
  }
  return totalsOf(n, correct);
}

/** A seeded generator for tests. */
export function testRng(seed: string): Rng {
  return createRng(seed);
}
