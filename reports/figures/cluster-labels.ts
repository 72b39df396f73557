/**
 * Figure 8b — clusters against rule labels: the share of each cluster's episodes that carry each
 * strategy label, counts printed: whether the unsupervised clusters rediscover the taxonomy.
 */
import { compactCount } from '../../analyses/stats/format';
import { clusterNames, sortClusters } from './cluster-names';
import { envelope } from './common';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';

function build({ data }: FigureContext): FigureOutcome {
  if (!data.clusterLabels) return skip(data.problems['clusters.csv'] ?? 'no clusters.csv in this run.');
  const counts = data.clusterLabels;
  if (counts.length === 0) return skip('clusters.csv has no episodes.');
  const totals = new Map<string, number>();
  for (const c of counts) totals.set(c.cluster, (totals.get(c.cluster) ?? 0) + c.episodes);
  const names = clusterNames(counts);
  const values = counts.map((c) => ({ ...c, cluster: names.get(c.cluster)!, share: c.episodes / totals.get(c.cluster)!, count: compactCount(c.episodes) }));
  const clusters = sortClusters(totals.keys()).map((cluster) => names.get(cluster)!);
  const labels = [...new Set(counts.map((c) => c.label))].sort();
  const spec = envelope('Contingency of behaviour clusters and strategy labels', {
    data: { values },
    width: { step: 36 },
    height: { step: 18 },
    encoding: {
      x: { field: 'label', type: 'nominal', sort: labels, axis: { title: 'strategy label', labelAngle: -35 } },
      y: { field: 'cluster', type: 'nominal', sort: clusters, axis: { title: 'cluster: its most frequent label' } },
    },
    layer: [
      { mark: 'rect', encoding: { color: { field: 'share', type: 'quantitative', scale: { scheme: 'greys', domain: [0, 1] }, legend: { title: ['share of', 'cluster'], format: '.0%', gradientLength: 90 } } } },
      { mark: { type: 'text', fontSize: 8.5 }, encoding: { text: { field: 'count' }, color: { condition: { test: 'datum.share > 0.5', value: 'white' }, value: 'black' } } },
    ],
  });
  const purity = [...totals.entries()].map(([cluster, total]) => Math.max(...counts.filter((c) => c.cluster === cluster).map((c) => c.episodes)) / total);
  const meanPurity = purity.reduce((a, b) => a + b, 0) / purity.length;
  return {
    kind: 'figure',
    spec,
    caption:
      `Rows are clusters, named by number and their most frequent rule label; columns are rule labels; shading is the share of the cluster's episodes with that label, the number the episode count (117k = 117,000). ` +
      `A dark cell per row means the cluster is one strategy; the mean purity (largest label share per cluster) is ${(meanPurity * 100).toFixed(0)}%.`,
    notes: [],
  };
}

/** Figure 8b. */
export const clusterLabels: FigureBuilder = { name: 'cluster-labels', number: '8b', title: 'Clusters × strategy labels', build };
