/**
 * Readable descriptions of clusters, accumulated one episode at a time: size per policy, success rate,
 * the features that set the cluster apart (largest standardized difference from the overall mean), the
 * most typical episodes (nearest the centroid) and the cluster x label contingency.
 */
import { addCell, fromCells, type Contingency } from './contingency';
import { compareText } from '../stats/compare-text';

/** A feature that sets a cluster apart. */
export interface DistinctiveFeature {
  feature: string;
  cluster_mean: number;
  overall_mean: number;
  /** Difference of the cluster's mean from the overall mean, in standard deviations of the sample. */
  difference_sd: number;
}

/** The description of one cluster. */
export interface ClusterDescription {
  cluster: number;
  size: number;
  size_by_policy: Record<string, number>;
  success_rate: number;
  distinctive_features: DistinctiveFeature[];
  typical_episodes: string[];
  labels: Record<string, number>;
}

/** Accumulates cluster descriptions over a stream of assigned episodes. */
export class ClusterProfile {
  private readonly sizes: number[];
  private readonly correct: number[];
  private readonly byPolicy: Map<string, number>[];
  private readonly rawSums: Float64Array[];
  private readonly zSums: Float64Array[];
  private readonly overallRaw: Float64Array;
  private readonly overallZ: Float64Array;
  private readonly typical: { id: string; distance: number }[][];
  private readonly labelCells = new Map<string, Map<string, number>>();
  private total = 0;

  constructor(
    private readonly k: number,
    private readonly names: readonly string[],
    private readonly options: { typical: number; distinctive: number },
  ) {
    const d = names.length;
    this.sizes = new Array<number>(k).fill(0);
    this.correct = new Array<number>(k).fill(0);
    this.byPolicy = Array.from({ length: k }, () => new Map());
    this.rawSums = Array.from({ length: k }, () => new Float64Array(d));
    this.zSums = Array.from({ length: k }, () => new Float64Array(d));
    this.overallRaw = new Float64Array(d);
    this.overallZ = new Float64Array(d);
    this.typical = Array.from({ length: k }, () => []);
  }

  /** Adds one episode assigned to `cluster` at squared distance `distance` from its centroid. */
  add(episode: { id: string; policy: string; correct: boolean; label: string }, cluster: number, raw: ArrayLike<number>, z: ArrayLike<number>, distance: number): void {
    this.total += 1;
    this.sizes[cluster]! += 1;
    if (episode.correct) this.correct[cluster]! += 1;
    const policies = this.byPolicy[cluster]!;
    policies.set(episode.policy, (policies.get(episode.policy) ?? 0) + 1);
    const rawSum = this.rawSums[cluster]!;
    const zSum = this.zSums[cluster]!;
    for (let j = 0; j < this.names.length; j++) {
      rawSum[j]! += raw[j]!;
      zSum[j]! += z[j]!;
      this.overallRaw[j]! += raw[j]!;
      this.overallZ[j]! += z[j]!;
    }
    addCell(this.labelCells, String(cluster), episode.label, 1);
    // Keep the `typical` nearest; on equal distance the earlier episode stays (stream order is deterministic).
    const list = this.typical[cluster]!;
    if (list.length < this.options.typical || distance < list[list.length - 1]!.distance) {
      let at = list.length;
      while (at > 0 && list[at - 1]!.distance > distance) at -= 1;
      list.splice(at, 0, { id: episode.id, distance });
      if (list.length > this.options.typical) list.pop();
    }
  }

  /** The cluster x label contingency table (rows: clusters, columns: labels). */
  labelTable(): Contingency {
    return fromCells(this.labelCells);
  }

  /** The description of every cluster. */
  describe(): ClusterDescription[] {
    return this.sizes.map((size, cluster) => ({
      cluster,
      size,
      size_by_policy: Object.fromEntries([...this.byPolicy[cluster]!].sort(([a], [b]) => compareText(a, b))),
      success_rate: size > 0 ? this.correct[cluster]! / size : Number.NaN,
      distinctive_features: size > 0 ? this.distinctive(cluster) : [],
      typical_episodes: this.typical[cluster]!.map((entry) => entry.id),
      labels: Object.fromEntries([...(this.labelCells.get(String(cluster)) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))),
    }));
  }

  private distinctive(cluster: number): DistinctiveFeature[] {
    const size = this.sizes[cluster]!;
    const features = this.names.map((feature, j) => ({
      feature,
      cluster_mean: this.rawSums[cluster]![j]! / size,
      overall_mean: this.overallRaw[j]! / this.total,
      difference_sd: this.zSums[cluster]![j]! / size - this.overallZ[j]! / this.total,
    }));
    return features
      .filter((feature) => Math.abs(feature.difference_sd) > 1e-9)
      .sort((a, b) => Math.abs(b.difference_sd) - Math.abs(a.difference_sd) || compareText(a.feature, b.feature))
      .slice(0, this.options.distinctive);
  }
}
