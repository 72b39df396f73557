/**
 * Cluster: groups episodes by behaviour. Two streaming passes over the label stage's features.jsonl keep
 * memory flat however many episodes there are:
 *
 *   pass 1: seeded reservoir sample (≤ sampleSize) ─► feature space (n-grams, TF-IDF vocabulary)
 *           ─► standardize ─► k-means for k in min..max (seeded restarts) ─► k by silhouette
 *           ─► ARI stability across seeds ─► 2-D PCA
 *   pass 2: every episode ─► vector ─► nearest centroid + PCA coordinates ─► cluster profiles
 *
 * Outputs clusters.csv (one row per episode) and cluster_summary.json (k chosen, silhouette per k,
 * stability, per-cluster size per policy, success rate, distinctive features, typical episodes, and the
 * cluster x label contingency with ARI / NMI).
 */
import { z } from 'zod';
import { adjustedRandIndex } from '../../../analyses/cluster/ari';
import { nearestCentroid } from '../../../analyses/cluster/distance';
import { blockScales, fitFeatureSpace, vectorize } from '../../../analyses/cluster/feature-space';
import { orderBySize } from '../../../analyses/cluster/kmeans';
import { normalizedMutualInformation } from '../../../analyses/cluster/nmi';
import { featureWords } from '../../../analyses/cluster/feature-words';
import { ClusterProfile } from '../../../analyses/cluster/profile';
import { fitProjection, project } from '../../../analyses/cluster/projection';
import { Reservoir } from '../../../analyses/cluster/reservoir';
import { restartSeeds, selectK } from '../../../analyses/cluster/select-k';
import { seedStability } from '../../../analyses/cluster/stability';
import { fitStandardizer, standardize } from '../../../analyses/cluster/standardize';
import { createRng } from '../../../analyses/random/rng';
import type { LabeledEpisode } from '../../../analyses/strategy/labeled-episode';
import { ConfigError } from '../../errors';
import { EpisodeAccount, episodesReceived } from '../../runner/episode-account';
import { fixed } from '../../../analyses/stats/format';
import { type ClusterRow, clustersTable } from '../../tables/clusters';
import { defineStage, type StageInput } from '../../runner/stage';
import { featuresFile } from '../../tables/features';
import { type ClusterSummary, clusterSummaryFile } from '../../tables/cluster-summary';

/** Parameters of the cluster stage. */
export const ClusterParams = z
  .object({
    /** Range of k tried, inclusive: [min, max]. */
    clusters: z.tuple([z.number().int().min(2), z.number().int().min(2)]).default([2, 10]),
    /** Episodes clustered (a seeded sample); the rest are assigned to the nearest centroid. */
    sampleSize: z.number().int().min(10).default(5000),
    /** Points the silhouette is computed on (O(n^2)). */
    silhouetteSample: z.number().int().min(10).default(2000),
    /** k-means restarts per k (the lowest inertia wins). */
    restarts: z.number().int().min(1).default(5),
    /** Seeds compared for stability (pairwise ARI). */
    stabilitySeeds: z.number().int().min(2).default(5),
    ngramVocab: z.number().int().min(0).default(20),
    termVocab: z.number().int().min(0).default(30),
    /** A query word enters the TF-IDF vocabulary only when at least this many tasks use it. */
    minTasks: z.number().int().min(1).default(2),
    /** Typical episodes listed per cluster. */
    typical: z.number().int().min(0).default(5),
    /** Distinctive features listed per cluster. */
    distinctive: z.number().int().min(0).default(5),
    /** Total weight of each block of columns in distances (behaviour counts, tool n-grams, query words). */
    blockWeights: z
      .object({ behaviour: z.number().min(0).default(1), tools: z.number().min(0).default(1), words: z.number().min(0).default(1) })
      .default({ behaviour: 1, tools: 1, words: 1 }),
  })
  .refine((p) => p.clusters[0] <= p.clusters[1], { message: 'clusters: min must not exceed max', path: ['clusters'] });

/** Parses `--clusters 2..10` (or a single `4`). */
export function parseClusterRange(value: string | boolean | string[]): [number, number] {
  const text = String(Array.isArray(value) ? value[0] : value);
  const match = /^\s*(\d+)\s*(?:\.\.\s*(\d+))?\s*$/.exec(text);
  const min = match ? Number(match[1]) : Number.NaN;
  const max = match?.[2] !== undefined ? Number(match[2]) : min;
  if (!match || min < 2 || max < min) throw new ConfigError(`--clusters needs a range like 2..10 (min ≥ 2, min ≤ max), got "${text}".`);
  return [min, max];
}

/** The cluster stage. */
export const clusterStage = defineStage({
  name: 'cluster',
  description: 'behaviour clusters: k-means on a seeded sample (k by silhouette), nearest-centroid assignment, 2-D PCA map',
  inputs: ['label'],
  modes: ['analysis'],
  params: ClusterParams,
  cli: [{ flags: '--clusters <min..max>', description: 'range of cluster counts tried (default 2..10)', param: 'clusters', parse: parseClusterRange }],
  inspect: inspectClusters,
  async run(ctx) {
    const { params } = ctx;
    const label = ctx.input('label');
    const rng = createRng(ctx.seed);

    // Pass 1: the sample.
    const reservoir = new Reservoir<LabeledEpisode>(params.sampleSize, rng.fork('sample'));
    for await (const episode of featuresFile.stream(label)) reservoir.offer(episode);
    const sample = reservoir.sample();
    const total = reservoir.seen;

    const space = fitFeatureSpace(sample, { ngramVocab: params.ngramVocab, termVocab: params.termVocab, minTasks: params.minTasks });
    const raw = sample.map((episode) => vectorize(space, episode));
    const standardizer = fitStandardizer(raw);
    const scales = blockScales(space, Array.from(standardizer.stds, (sd) => sd > 1e-12), params.blockWeights);
    const data = raw.map((row) => weigh(standardize(standardizer, row), scales));
    const [kMin, kMax] = params.clusters;
    const selection = selectK(data, rng.fork('k'), { kMin, kMax, restarts: params.restarts, silhouetteSample: params.silhouetteSample });
    const fit = selection ? orderBySize(selection.fit) : null;
    const centroids = fit ? fit.centroids : [data.length > 0 ? meanRow(data) : new Array<number>(space.names.length).fill(0)];
    const stability = fit ? seedStability(data, fit.k, restartSeeds(rng.fork('stability'), params.stabilitySeeds)) : null;
    const projection = fitProjection(data);

    // Pass 2: assign everything.
    const profile = new ClusterProfile(centroids.length, space.names, { typical: params.typical, distinctive: params.distinctive });
    const rows: ClusterRow[] = [];
    const progress = ctx.progress('cluster', total);
    for await (const episode of featuresFile.stream(label)) {
      const vector = vectorize(space, episode);
      const z = standardize(standardizer, vector);
      const point = weigh(z, scales);
      const nearest = nearestCentroid(point, centroids);
      const [pc1, pc2] = project(projection, point);
      profile.add(episode, nearest.index, vector, z, nearest.distance);
      rows.push({
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
      });
      progress.tick();
    }
    progress.stop();
    await clustersTable.write(ctx.out, rows);
    // Every labeled episode is clustered; those the label stage left out never arrive here.
    const account = new EpisodeAccount('cluster', episodesReceived(label.manifest));
    account.inherit(label.manifest);
    account.use(rows.length);
    account.check();

    const table = profile.labelTable();
    const agreement = table.total > 0 ? { ari: adjustedRandIndex(table), nmi: normalizedMutualInformation(table) } : { ari: null, nmi: null };
    const clusters = profile.describe();
    const summary: ClusterSummary = {
      episodes: total,
      sample_size: sample.length,
      k_range: params.clusters,
      k: centroids.length,
      k_note: fit ? 'largest mean silhouette over the range' : 'all sampled behaviour vectors are identical (or too few episodes): one cluster',
      silhouette_by_k: selection?.scores ?? [],
      stability: stability ?? null,
      features: space.names,
      pca_explained_variance: projection.explained,
      label_agreement: { ...agreement, contingency: table },
      clusters,
    };
    await clusterSummaryFile.write(ctx.out, summary);

    const chosen = selection?.scores.find((score) => score.k === centroids.length);
    const lines = [
      `cluster: ${total} episodes, k = ${centroids.length}` +
        (chosen ? ` (silhouette ${chosen.silhouette.toFixed(3)}, range ${kMin}..${kMax}, sample ${sample.length})` : ' (too few distinct behaviours to split)') +
        (stability ? `, stability across ${stability.seeds} seeds: mean ARI ${stability.mean_ari.toFixed(3)}` : ''),
      ...account.summary(),
      `cluster: agreement with strategy labels: ARI ${fixed(agreement.ari)}, NMI ${fixed(agreement.nmi)}`,
      ...clusters.map(
        (c) =>
          `cluster ${c.cluster}: ${c.size} episodes (${Object.entries(c.size_by_policy).map(([p, n]) => `${p} ${n}`).join(', ')}), success ${fixed(c.success_rate)}, ` +
          `mostly ${Object.keys(c.labels)[0] ?? 'n/a'}; ${c.distinctive_features.slice(0, 3).map((f) => featureWords(f.feature, f.difference_sd)).join(', ')}`,
      ),
    ];
    return {
      counts: { ...account.counts(), episodes: total, sample: sample.length, k: centroids.length },
      summary: lines,
      details: { k: centroids.length, silhouette_by_k: selection?.scores ?? [], stability, ari_vs_labels: agreement.ari, nmi_vs_labels: agreement.nmi, ...account.details() },
    };
  },
});

function weigh(row: readonly number[], scales: Float64Array): number[] {
  return row.map((value, j) => value * scales[j]!);
}

function meanRow(rows: number[][]): number[] {
  const out = new Array<number>(rows[0]!.length).fill(0);
  for (const row of rows) row.forEach((value, j) => (out[j]! += value / rows.length));
  return out;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}


/** `npm run inspect -- cluster`: the chosen k, silhouettes and cluster descriptions. */
async function inspectClusters(output: StageInput): Promise<string> {
  const summary = await clusterSummaryFile.read(output);
  const lines = [...(output.manifest.summary ?? []), '', 'silhouette by k:'];
  for (const score of summary.silhouette_by_k) lines.push(`  k=${score.k}: ${fixed(score.silhouette)}${score.k === summary.k ? '  <- chosen' : ''}`);
  lines.push('', 'typical episodes:');
  for (const c of summary.clusters) lines.push(`  cluster ${c.cluster}: ${c.typical_episodes.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
