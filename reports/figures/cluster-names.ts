/**
 * Names of behaviour clusters for figures 8a and 8b: the cluster number and its dominant strategy label
 * (`3: sequential`), so a reader sees what a cluster is without a lookup; the number stays, to match
 * the cluster stage's console lines and outputs.
 */
import { compareNatural } from '../../analyses/stats/compare-text';
import type { ClusterLabelCount } from '../data/tables';

/** Cluster → `number: dominant label` (ties: the alphabetically first label). */
export function clusterNames(counts: readonly ClusterLabelCount[]): Map<string, string> {
  const best = new Map<string, ClusterLabelCount>();
  for (const count of counts) {
    const current = best.get(count.cluster);
    if (!current || count.episodes > current.episodes || (count.episodes === current.episodes && count.label < current.label)) best.set(count.cluster, count);
  }
  const names = new Map<string, string>();
  for (const [cluster, count] of best) names.set(cluster, `${cluster}: ${count.label}`);
  return names;
}

/** Cluster ids in numeric order. */
export function sortClusters(clusters: Iterable<string>): string[] {
  return [...new Set(clusters)].sort(compareNatural);
}
