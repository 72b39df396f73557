/**
 * Chooses the number of clusters by silhouette: fit k-means (best of several seeded restarts) for each k
 * in the range, score each fit by its mean silhouette on a fixed subsample, keep the best (smallest k on ties).
 */
import type { Rng } from '../random/rng';
import { kmeansBest, type KmeansFit } from './kmeans';
import { pairwiseDistances, silhouetteOf } from './silhouette';

/** The score of one k. */
export interface KScore {
  k: number;
  silhouette: number;
  inertia: number;
}

/** The chosen fit and the score of every k tried. */
export interface KSelection {
  fit: KmeansFit;
  scores: KScore[];
}

/** Options of the k search. */
export interface SelectKOptions {
  kMin: number;
  kMax: number;
  restarts: number;
  /** Points used for the silhouette (a seeded subsample when the data is larger). */
  silhouetteSample: number;
}

/** Seeds for `count` restarts derived from an Rng (31-bit integers, as ml-random expects). */
export function restartSeeds(rng: Rng, count: number): number[] {
  return Array.from({ length: count }, () => 1 + rng.int(2 ** 31 - 2));
}

/** Runs the k search (k at most the number of distinct points); null when no k of the range fits the data. */
export function selectK(data: number[][], rng: Rng, options: SelectKOptions): KSelection | null {
  const distinct = new Set(data.map((row) => row.join(','))).size;
  const kMax = Math.min(options.kMax, distinct, data.length - 1);
  const kMin = Math.max(2, options.kMin);
  if (kMax < kMin) return null;
  const subset = subsample(data.length, options.silhouetteSample, rng.fork('silhouette'));
  const distances = pairwiseDistances(subset.map((i) => data[i]!));
  const scores: KScore[] = [];
  let best: { fit: KmeansFit; score: number } | null = null;
  for (let k = kMin; k <= kMax; k++) {
    const fit = kmeansBest(data, k, restartSeeds(rng.fork(`k${k}`), options.restarts));
    const score = silhouetteOf(distances, subset.map((i) => fit.assignments[i]!));
    scores.push({ k, silhouette: score, inertia: fit.inertia });
    const comparable = Number.isNaN(score) ? -Infinity : score;
    if (best === null || comparable > best.score + 1e-12) best = { fit, score: comparable };
  }
  return best === null ? null : { fit: best.fit, scores };
}

/** A sorted seeded subsample of `size` indices out of n (all indices when n <= size). */
export function subsample(n: number, size: number, rng: Rng): number[] {
  const indices = Array.from({ length: n }, (_, i) => i);
  if (n <= size) return indices;
  for (let i = 0; i < size; i++) {
    const j = i + rng.int(n - i);
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return indices.slice(0, size).sort((a, b) => a - b);
}
