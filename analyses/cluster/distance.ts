/** Distances between feature vectors. */

/** Squared Euclidean distance. */
export function squaredDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let total = 0;
  for (let j = 0; j < a.length; j++) {
    const diff = a[j]! - b[j]!;
    total += diff * diff;
  }
  return total;
}

/** Index of the nearest centroid (squared Euclidean; ties go to the lower index) and its squared distance. */
export function nearestCentroid(point: ArrayLike<number>, centroids: readonly ArrayLike<number>[]): { index: number; distance: number } {
  let index = 0;
  let distance = Number.POSITIVE_INFINITY;
  centroids.forEach((centroid, i) => {
    const d = squaredDistance(point, centroid);
    if (d < distance) {
      distance = d;
      index = i;
    }
  });
  return { index, distance };
}
