/**
 * Figure 8a — the behaviour clusters on their first two principal components, coloured by cluster,
 * one panel per policy (a deterministic sample of episodes when there are many).
 */
import { orderPolicies, PALETTE } from '../theme/colors';
import { clusterNames, sortClusters } from './cluster-names';
import { MAX_COLUMNS, envelope, panelHeader, panelLabel } from './common';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';

const WIDTH = 120;

// Four decimals are far below a pixel at any print size and keep the files small.
const round = (value: number) => Math.round(value * 1e4) / 1e4;

function build({ data }: FigureContext): FigureOutcome {
  if (!data.clusterPoints) return skip(data.problems['clusters.csv'] ?? 'no clusters.csv in this run.');
  const points = data.clusterPoints;
  if (points.length === 0) return skip('clusters.csv has no episodes.');
  const policies = orderPolicies(points.map((p) => p.policy));
  const names = clusterNames(data.clusterLabels ?? []);
  const name = (cluster: string) => names.get(cluster) ?? cluster;
  const clusters = sortClusters(points.map((p) => p.cluster)).map(name);
  const spec = envelope('Behaviour clusters on the first two principal components, per policy', {
    data: { values: points.map((p) => ({ panel: panelLabel([p.policy]), policy: p.policy, cluster: name(p.cluster), label: p.label, pc1: round(p.pc1), pc2: round(p.pc2) })) },
    facet: { field: 'panel', type: 'nominal', sort: policies.map((policy) => panelLabel([policy])), header: panelHeader(null, WIDTH) },
    columns: Math.min(policies.length, MAX_COLUMNS),
    spacing: 8,
    spec: {
      width: WIDTH,
      height: WIDTH,
      mark: { type: 'point', filled: true, size: 9, opacity: 0.5 },
      encoding: {
        x: { field: 'pc1', type: 'quantitative', axis: { title: 'PC1 (standardized)', tickCount: 4 } },
        y: { field: 'pc2', type: 'quantitative', axis: { title: 'PC2 (standardized)', tickCount: 4 } },
        color: { field: 'cluster', type: 'nominal', sort: clusters, scale: { domain: clusters, range: clusters.map((_, i) => PALETTE[(i + 3) % PALETTE.length]!) }, legend: { title: ['cluster: its most', 'frequent label'], orient: 'right' } },
        tooltip: [{ field: 'policy' }, { field: 'cluster' }, { field: 'label' }],
      },
    },
  });
  const shown = points.length;
  const total = data.clusterEpisodes ?? shown;
  return {
    kind: 'figure',
    spec,
    caption:
      `Each point is an episode placed by its behaviour features (tool-call n-grams, counts, rounds, query/result overlaps, query terms) on the first two ` +
      `principal components, coloured by its k-means cluster (${clusters.length} clusters). A policy that only reweights strategies fills the same regions as the base policy with different densities; a new region is a new behaviour.`,
    notes: shown < total ? [`${shown} of ${total} episodes drawn: a deterministic sample (smallest hash of the episode id) per policy.`] : [],
  };
}

/** Figure 8a. */
export const clusterMap: FigureBuilder = { name: 'cluster-map', number: '8a', title: 'Cluster map (PCA), per policy', build };
