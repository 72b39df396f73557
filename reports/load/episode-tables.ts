/**
 * Streaming reads of the per-episode tables (`clusters.csv`, `labels.csv`), which can hold a million
 * rows: only a deterministic sample of map points and small aggregates are kept.
 */
import { hashString } from '../../analyses/random/rng';
import { CellError } from '../../pipeline/tables/cells';
import { clustersTable } from '../../pipeline/tables/clusters';
import { labelsTable } from '../../pipeline/tables/labels';
import type { Budget, ClusterLabelCount, ClusterPoint, SequenceCount } from '../data/tables';
import { csvObjects } from '../../pipeline/io/csv-records';
import { compareText } from '../../analyses/stats/compare-text';
import { shortenMiddle } from '../text/shorten';

/** Longest query sequence kept for the page's table (characters). */
export const SEQUENCE_LIMIT = 500;

/** What the cluster figures need from `clusters.csv`. */
export interface ClusterTables {
  points: ClusterPoint[];
  episodes: number;
  labels: ClusterLabelCount[];
}

/**
 * Keeps, per policy, the `perPolicy` episodes with the smallest hash of their id: a sample that does not
 * depend on row order and is the same on every run.
 */
export async function readClusters(file: string, rows: AsyncIterable<Record<string, string>>, perPolicy: number, name: (text: string) => string = (t) => t): Promise<ClusterTables> {
  const kept = new Map<string, { h: number; id: string; point: ClusterPoint }[]>();
  const labels = new Map<string, number>();
  let episodes = 0;
  for await (const row of rows) {
    episodes += 1;
    try {
      const { id, policy, family, budget, cluster, label, pc1, pc2 } = clustersTable.parse(row);
      const point: ClusterPoint = { policy: name(policy), family: name(family), budget: budget ?? 'all', cluster: String(cluster), label, pc1, pc2 };
      const key = `${point.cluster}\u0000${point.label}`;
      labels.set(key, (labels.get(key) ?? 0) + 1);
      const list = kept.get(point.policy) ?? [];
      list.push({ h: hashString(id), id, point });
      if (list.length >= 2 * perPolicy) truncate(list, perPolicy);
      kept.set(point.policy, list);
    } catch (error) {
      if (error instanceof CellError) throw new CellError(`${file}, data row ${episodes}: ${error.message}`);
      throw error;
    }
  }
  const points = [...kept.keys()].sort().flatMap((policy) => {
    const list = kept.get(policy)!;
    truncate(list, perPolicy);
    return list.map((entry) => entry.point);
  });
  const labelCounts = [...labels.entries()]
    .map(([key, count]) => {
      const [cluster, label] = key.split('\u0000') as [string, string];
      return { cluster, label, episodes: count };
    })
    .sort((a, b) => compareText(a.cluster, b.cluster) || compareText(a.label, b.label));
  return { points, episodes, labels: labelCounts };
}

function truncate(list: { h: number; id: string }[], size: number): void {
  list.sort((a, b) => a.h - b.h || compareText(a.id, b.id));
  list.length = Math.min(list.length, size);
}

/**
 * Counts query sequences per (family, budget, policy) among the budgets `keep` accepts, and returns the
 * `top` most frequent per group (ties broken by text, so the result is stable). Names go through `name`
 * and sequences are cut to `SEQUENCE_LIMIT` characters as they are read (a huge query stays bounded).
 */
export async function readTopSequences(
  file: string,
  rows: AsyncIterable<Record<string, string>>,
  keep: (family: string, budget: Budget) => boolean,
  top: number,
  name: (text: string) => string = (t) => t,
): Promise<SequenceCount[]> {
  const counts = new Map<string, { episodes: number; correct: number }>();
  let line = 0;
  for await (const row of rows) {
    line += 1;
    try {
      const episode = labelsTable.parse(row);
      const budget = episode.budget ?? 'all';
      if (!keep(episode.family, budget)) continue;
      const key = [name(episode.family), String(budget), name(episode.policy), shortenMiddle(episode.sequence, SEQUENCE_LIMIT)].join('\u0000');
      const entry = counts.get(key) ?? { episodes: 0, correct: 0 };
      entry.episodes += 1;
      if (episode.correct) entry.correct += 1;
      counts.set(key, entry);
    } catch (error) {
      if (error instanceof CellError) throw new CellError(`${file}, data row ${line}: ${error.message}`);
      throw error;
    }
  }
  const groups = new Map<string, SequenceCount[]>();
  for (const [key, entry] of counts) {
    const [family, budgetText, policy, sequence] = key.split('\u0000') as [string, string, string, string];
    const group = `${family}\u0000${budgetText}\u0000${policy}`;
    const list = groups.get(group) ?? [];
    list.push({ family, budget: budgetText === 'all' ? 'all' : Number(budgetText), policy, sequence, ...entry });
    groups.set(group, list);
  }
  return [...groups.keys()].sort().flatMap((group) =>
    groups
      .get(group)!
      .sort((a, b) => b.episodes - a.episodes || compareText(a.sequence, b.sequence))
      .slice(0, top),
  );
}

/** Adapts a stream of text chunks to row objects. */
export function rowsOf(chunks: AsyncIterable<string>): AsyncIterable<Record<string, string>> {
  return csvObjects(chunks);
}
