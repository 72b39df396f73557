/** `label_counts.csv` (merge runs): episodes and successes per (policy, family, budget, task, label), summed over shards. */
import type { LabelCount } from '../../analyses/shard/label-counts';
import { defineCsvTable } from './csv-table';
import { episodeBudget, int, text } from './cells';

/** The columns of `label_counts.csv`. */
export const labelCountsTable = defineCsvTable<LabelCount>('label_counts.csv', {
  policy: text,
  family: text,
  budget: episodeBudget,
  task: text,
  label: text,
  episodes: int,
  successes: int,
});
