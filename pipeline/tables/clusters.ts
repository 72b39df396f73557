/** `clusters.csv`: one row per episode — its behaviour cluster, strategy label, outcome and 2-D map position (PCA). */
import { defineCsvTable } from './csv-table';
import { bool, episodeBudget, int, num, text } from './cells';
import type { RowOf } from './row-of';

/** The columns of `clusters.csv` (`budget` blank for uncapped episodes; pc1/pc2 rounded to 6 decimals). */
export const clustersTable = defineCsvTable('clusters.csv', {
  id: text,
  policy: text,
  task: text,
  family: text,
  budget: episodeBudget,
  cluster: int,
  label: text,
  correct: bool,
  pc1: num,
  pc2: num,
});

/** A row of `clusters.csv`. */
export type ClusterRow = RowOf<typeof clustersTable>;
