/**
 * Mean silhouette coefficient (Rousseeuw 1987) with Euclidean distance: for each point, a = mean distance
 * to the other members of its cluster, b = the smallest mean distance to another cluster, s = (b - a) /
 * max(a, b); a point alone in its cluster scores 0. O(n^2 d): call it on a sample.
 */

/** Mean silhouette of a labeling (NaN when there are fewer than 2 clusters or 2 points). */
export function silhouette(data: readonly ArrayLike<number>[], assignments: readonly number[]): number {
  const n = data.length;
  const k = assignments.reduce((max, c) => Math.max(max, c), -1) + 1;
  const sizes = new Array<number>(k).fill(0);
  for (const c of assignments) sizes[c]! += 1;
  if (n < 2 || sizes.filter((size) => size > 0).length < 2) return Number.NaN;
  const d = data[0]!.length;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const xi = data[i]!;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const xj = data[j]!;
      let squared = 0;
      for (let t = 0; t < d; t++) {
        const diff = xi[t]! - xj[t]!;
        squared += diff * diff;
      }
      sums[assignments[j]!]! += Math.sqrt(squared);
    }
    const own = assignments[i]!;
    if (sizes[own]! <= 1) continue;
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[c]! / sizes[c]!);
    const denominator = Math.max(a, b);
    total += denominator > 0 ? (b - a) / denominator : 0;
  }
  return total / n;
}
