/** `label_frequencies.csv`: how often each label occurs per (policy, family, budget), beside the planted strategy's frequency on simulated data. */
import type { LabelFrequencyRow } from '../../analyses/strategy/label-frequencies';
import { defineCsvTable } from './csv-table';
import { episodeBudget, int, num, optionalInt, optionalNum, text } from './cells';

/** The columns of `label_frequencies.csv` (the planted columns blank when the data plants none). */
export const labelFrequenciesTable = defineCsvTable<LabelFrequencyRow>('label_frequencies.csv', {
  policy: text,
  family: text,
  budget: episodeBudget,
  label: text,
  episodes: int,
  share: num,
  true_episodes: optionalInt,
  true_share: optionalNum,
});
