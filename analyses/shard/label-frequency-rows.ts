/**
 * The label stage's `label_frequencies.csv` rebuilt from label counts (no episodes needed), row for
 * row as `LabelFrequencies.rows` writes it, so a merged run reports the same table as one run.
 */
import { LabelFrequencies, type LabelFrequencyRow } from '../strategy/label-frequencies';
import type { LabelCount, TruthCount } from './label-counts';

/** Label frequencies per (policy, family, budget): labels in `order` first, then the rest in code-unit order. */
export function labelFrequencyRows(counts: Iterable<LabelCount>, truths: Iterable<TruthCount>, order: readonly string[] = []): LabelFrequencyRow[] {
  const frequencies = new LabelFrequencies();
  for (const count of counts) frequencies.addLabel(count, count.label, count.episodes);
  for (const truth of truths) frequencies.addTruth(truth, truth.label, truth.episodes);
  return frequencies.rows(order);
}
