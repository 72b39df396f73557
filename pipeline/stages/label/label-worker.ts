/**
 * Worker thread of the label stage: parses traces and labels them (features, verdict, sequence), so
 * the per-episode text work uses every core while the main thread aggregates in input order.
 */
import { serveBatches } from '../../runner/worker-pool';
import { lineLabeler, type LabelOutcome, type LabelSetup } from './label-line';

serveBatches<LabelSetup, string[], LabelOutcome[]>((setup) => {
  const label = lineLabeler(setup);
  return (lines) => lines.map(label);
});
