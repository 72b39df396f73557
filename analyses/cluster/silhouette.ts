/**
 * Mean silhouette coefficient (Rousseeuw 1987) with Euclidean distance: for each point, a = mean distance
 * to the other members of its cluster, b = the smallest mean distance to another cluster, s = (b - a) /
 * max(a, b); a point alone in its cluster scores 0. O(n^2 d): call it on a sample. Scoring several
 * labelings of the same points (one per k) computes the distances once: {@link pairwiseDistances}.
 */

/** The n × n Euclidean distances of the points, row-major (symmetric, zero diagonal). */
export function pairwiseDistances(data: readonly ArrayLike<number>[]): Float64Array {
  const n = data.length;
  const d = n > 0 ? data[0]!.length : 0;
  const distances = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const xi = data[i]!;
    for (let j = i + 1; j < n; j++) {
      const xj = data[j]!;
      let squared = 0;
      for (let t = 0; t < d; t++) {
        const diff = xi[t]! - xj[t]!;
        squared += diff * diff;
      }
      // (a - b)² = (b - a)² exactly, so the matrix is exactly symmetric.
      const distance = Math.sqrt(squared);
      distances[i * n + j] = distance;
      distances[j * n + i] = distance;
    }
  }
  return distances;
}

/** Mean silhouette of a labeling (NaN when there are fewer than 2 clusters or 2 points). */
export function silhouette(data: readonly ArrayLike<number>[], assignments: readonly number[]): number {
  return silhouetteOf(pairwiseDistances(data), assignments);
}

/** Mean silhouette of a labeling of the points whose pairwise distances are given. */
export function silhouetteOf(distances: Float64Array, assignments: readonly number[]): number {
  const n = assignments.length;
  const k = assignments.reduce((max, c) => Math.max(max, c), -1) + 1;
  const sizes = new Array<number>(k).fill(0);
  for (const c of assignments) sizes[c]! += 1;
  if (n < 2 || sizes.filter((size) => size > 0).length < 2) return Number.NaN;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const row = i * n;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      sums[assignments[j]!]! += distances[row + j]!;
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
