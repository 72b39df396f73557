/** `label_accuracy.csv`: recovery of planted strategies by the labeler, per policy (and `all`) and planted class (and `all`). */
import type { RecoveryRow } from '../../analyses/strategy/recovery';
import { defineCsvTable } from './csv-table';
import { int, num, text } from './cells';

/** The columns of `label_accuracy.csv`. */
export const labelAccuracyTable = defineCsvTable<RecoveryRow>('label_accuracy.csv', {
  policy: text,
  true_label: text,
  episodes: int,
  recovered: int,
  accuracy: num,
});
