/** `cluster_summary.json` (cluster): the chosen k and why, stability, agreement with the labels, and a description of each cluster. */
import type { ClusterDescription } from '../../analyses/cluster/profile';
import type { KScore } from '../../analyses/cluster/select-k';
import type { SeedStability } from '../../analyses/cluster/stability';
import type { Contingency } from '../../analyses/cluster/contingency';
import { defineJsonFile } from './json-file';

/** What `cluster_summary.json` holds. */
export interface ClusterSummary {
  episodes: number;
  sample_size: number;
  k_range: [number, number];
  k: number;
  k_note: string;
  silhouette_by_k: KScore[];
  stability: SeedStability | null;
  features: string[];
  pca_explained_variance: number[];
  label_agreement: { ari: number | null; nmi: number | null; contingency: Contingency };
  clusters: ClusterDescription[];
}

/** The declaration of `cluster_summary.json`. */
export const clusterSummaryFile = defineJsonFile<ClusterSummary>('cluster_summary.json');
