/**
 * k-means with restarts: k-means++ initialization (seeded) and Lloyd's iterations as `ml-kmeans` computes
 * them (lloyd.ts), run once per seed, keeping the run with the smallest within-cluster sum of squares.
 */
import { nearestCentroid } from './distance';
import { lloyd } from './lloyd';

/** A k-means solution. */
export interface KmeansFit {
  k: number;
  assignments: number[];
  centroids: number[][];
  /** Within-cluster sum of squared distances. */
  inertia: number;
  /** The seed of the winning restart. */
  seed: number;
}

/** Runs k-means once per seed and returns the lowest-inertia solution (earliest seed on ties). */
export function kmeansBest(data: number[][], k: number, seeds: readonly number[], maxIterations = 100): KmeansFit {
  let best: KmeansFit | null = null;
  for (const seed of seeds) {
    const centroids = lloyd(data, k, seed, maxIterations);
    // Re-assign to the final centroids (the last step assigned points to its input centers).
    let inertia = 0;
    const assignments = data.map((point) => {
      const nearest = nearestCentroid(point, centroids);
      inertia += nearest.distance;
      return nearest.index;
    });
    if (best === null || inertia < best.inertia - 1e-9) best = { k, assignments, centroids, inertia, seed };
  }
  if (best === null) throw new Error('kmeansBest needs at least one seed');
  return best;
}

/** Renumbers clusters by size, largest first (ties: the cluster whose first member comes first), for stable names. */
export function orderBySize(fit: KmeansFit): KmeansFit {
  const sizes = new Array<number>(fit.k).fill(0);
  const first = new Array<number>(fit.k).fill(Number.POSITIVE_INFINITY);
  fit.assignments.forEach((c, i) => {
    sizes[c]! += 1;
    first[c] = Math.min(first[c]!, i);
  });
  const order = Array.from({ length: fit.k }, (_, c) => c).sort((a, b) => sizes[b]! - sizes[a]! || first[a]! - first[b]!);
  const rename = new Array<number>(fit.k);
  order.forEach((old, index) => (rename[old] = index));
  return {
    ...fit,
    assignments: fit.assignments.map((c) => rename[c]!),
    centroids: order.map((old) => fit.centroids[old]!),
  };
}
