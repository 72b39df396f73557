/** `label_confusion.csv`: planted strategy × assigned label counts, per policy and `all`. */
import { defineCsvTable } from './csv-table';
import { int, text } from './cells';
import type { RowOf } from './row-of';

/** The columns of `label_confusion.csv`. */
export const labelConfusionTable = defineCsvTable('label_confusion.csv', {
  policy: text,
  true_label: text,
  label: text,
  episodes: int,
});

/** A row of `label_confusion.csv`. */
export type LabelConfusionRow = RowOf<typeof labelConfusionTable>;
