/**
 * Worker thread of the cluster stage: parses feature lines and assigns them to the fitted clusters, so
 * the per-episode work uses every core while the main thread profiles and writes in input order.
 */
import { serveBatches } from '../../runner/worker-pool';
import { lineAssigner, type Assignment, type ClusterModel } from './assign-line';

serveBatches<ClusterModel, string[], Assignment[]>((model) => {
  const assign = lineAssigner(model);
  return (lines) => lines.map(assign);
});
