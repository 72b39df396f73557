/**
 * Assigning one line of the label stage's `features.jsonl` to its cluster: parse, vectorize, standardize,
 * weigh, nearest centroid, 2-D projection. Shared by the cluster stage's main thread and its worker
 * threads, so both paths give the same numbers.
 */
import { nearestCentroid } from '../../../analyses/cluster/distance';
import { type FeatureSpace, vectorize } from '../../../analyses/cluster/feature-space';
import { type Projection, project } from '../../../analyses/cluster/projection';
import { type Standardizer, standardize } from '../../../analyses/cluster/standardize';
import type { LabeledEpisode } from '../../../analyses/strategy/labeled-episode';
import type { ClusterRow } from '../../tables/clusters';

/** The fitted model every assigning thread receives. */
export interface ClusterModel {
  space: FeatureSpace;
  standardizer: Standardizer;
  scales: Float64Array;
  centroids: number[][];
  projection: Projection;
}

/** One episode assigned: its `clusters.csv` row and what the cluster profile accumulates. */
export interface Assignment {
  row: ClusterRow;
  raw: Float64Array;
  z: number[];
  distance: number;
}

/** The weighted, standardized point of a raw vector. */
export function weigh(row: readonly number[], scales: Float64Array): number[] {
  return row.map((value, j) => value * scales[j]!);
}

/** Assigns one parsed episode. */
export function assignEpisode(model: ClusterModel, episode: LabeledEpisode): Assignment {
  const raw = vectorize(model.space, episode);
  const z = standardize(model.standardizer, raw);
  const point = weigh(z, model.scales);
  const nearest = nearestCentroid(point, model.centroids);
  const [pc1, pc2] = project(model.projection, point);
  const row: ClusterRow = {
    id: episode.id,
    policy: episode.policy,
    task: episode.task,
    family: episode.family,
    budget: episode.budget,
    cluster: nearest.index,
    label: episode.label,
    correct: episode.correct,
    pc1: round6(pc1),
    pc2: round6(pc2),
  };
  return { row, raw, z, distance: nearest.distance };
}

/** Builds the line assigner a thread uses. */
export function lineAssigner(model: ClusterModel): (line: string) => Assignment {
  return (line) => assignEpisode(model, JSON.parse(line) as LabeledEpisode);
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
