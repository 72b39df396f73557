/**
 * Which categories (strategies) the compared policy a uses and the reference b does not (gained, new
 * in a), and the reverse (lost).
 */
import { compareText } from '../stats/compare-text';

/** Categories present only in a (gained), only in b (lost), and in both. */
export interface SupportChange {
  gained: string[];
  lost: string[];
  shared: string[];
}

/** Compares the supports of two count vectors over the same categories (a category is used when its count > 0); names sorted. */
export function supportChange(categories: readonly string[], countsA: ArrayLike<number>, countsB: ArrayLike<number>): SupportChange {
  const change: SupportChange = { gained: [], lost: [], shared: [] };
  categories.forEach((category, k) => {
    const status = supportStatus(countsA[k] ?? 0, countsB[k] ?? 0);
    if (status === 'both') change.shared.push(category);
    else if (status === 'gained') change.gained.push(category);
    else if (status === 'lost') change.lost.push(category);
  });
  for (const list of [change.gained, change.lost, change.shared]) list.sort(compareText);
  return change;
}

/** The support status of one category: `both`, `gained` (only a uses it), `lost` (only b) or `neither`. */
export function supportStatus(countA: number, countB: number): 'both' | 'gained' | 'lost' | 'neither' {
  if (countA > 0 && countB > 0) return 'both';
  if (countA > 0) return 'gained';
  if (countB > 0) return 'lost';
  return 'neither';
}
