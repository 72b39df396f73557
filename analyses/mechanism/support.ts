/** Which categories (strategies) one policy uses and the other does not. */

/** Categories present only in b (gained), only in a (lost), and in both. */
export interface SupportChange {
  gained: string[];
  lost: string[];
  shared: string[];
}

/** Compares the supports of two count vectors over the same categories (a category is used when its count > 0). */
export function supportChange(categories: readonly string[], countsA: ArrayLike<number>, countsB: ArrayLike<number>): SupportChange {
  const change: SupportChange = { gained: [], lost: [], shared: [] };
  categories.forEach((category, k) => {
    const inA = (countsA[k] ?? 0) > 0;
    const inB = (countsB[k] ?? 0) > 0;
    if (inA && inB) change.shared.push(category);
    else if (inB) change.gained.push(category);
    else if (inA) change.lost.push(category);
  });
  return change;
}

/** The support status of one category: `both`, `gained` (only b), `lost` (only a) or `neither`. */
export function supportStatus(countA: number, countB: number): 'both' | 'gained' | 'lost' | 'neither' {
  if (countA > 0 && countB > 0) return 'both';
  if (countB > 0) return 'gained';
  if (countA > 0) return 'lost';
  return 'neither';
}
