/**
 * Stability of a k-means solution across seeds: run k-means once per seed and compare every pair of
 * labelings with the adjusted Rand index. Near 1 means the clusters do not depend on the initialization.
 */
import { adjustedRandIndex } from './ari';
import { contingency } from './contingency';
import { kmeansBest } from './kmeans';

/** Pairwise ARI summary across seeded runs. */
export interface SeedStability {
  seeds: number;
  mean_ari: number;
  min_ari: number;
}

/** Runs k-means once per seed and summarizes the pairwise ARI of the labelings. */
export function seedStability(data: number[][], k: number, seeds: readonly number[]): SeedStability {
  const labelings = seeds.map((seed) => kmeansBest(data, k, [seed]).assignments);
  let total = 0;
  let count = 0;
  let min = 1;
  for (let i = 0; i < labelings.length; i++) {
    for (let j = i + 1; j < labelings.length; j++) {
      const ari = adjustedRandIndex(contingency(labelings[i]!, labelings[j]!));
      total += ari;
      count += 1;
      min = Math.min(min, ari);
    }
  }
  return { seeds: seeds.length, mean_ari: count > 0 ? total / count : 1, min_ari: count > 0 ? min : 1 };
}
