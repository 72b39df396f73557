/** `labels.csv`: one row per labelled episode — its strategy label, outcome, calls, rounds, query sequence and reading depth. */
import type { LabelRow } from '../../analyses/strategy/label-columns';
import { defineCsvTable } from './csv-table';
import { bool, episodeBudget, int, text } from './cells';

/** The columns of `labels.csv` (`budget` blank for uncapped episodes). */
export const labelsTable = defineCsvTable<LabelRow>('labels.csv', {
  id: text,
  policy: text,
  task: text,
  family: text,
  budget: episodeBudget,
  label: text,
  correct: bool,
  calls: int,
  rounds: int,
  sequence: text,
  reading: text,
  read_targets: int,
});
