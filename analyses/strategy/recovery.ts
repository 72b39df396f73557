/**
 * Recovery of planted strategies (meta.true_strategy of simulated data) by a labeler: per policy and per
 * planted class, how many episodes got their planted label back.
 */
import type { Confusion } from './agreement';
import { compareText } from '../stats/compare-text';

/** A row of `label_accuracy.csv`. */
export type RecoveryRow = {
  /** A policy, or `all`. */
  policy: string;
  /** A planted class, or `all`. */
  true_label: string;
  episodes: number;
  recovered: number;
  accuracy: number;
};

/** Rows for every policy (and `all`), every planted class (and `all`), classes in `order` first. */
export function recoveryRows(overall: Confusion, byPolicy: ReadonlyMap<string, Confusion>, order: readonly string[]): RecoveryRow[] {
  const rows: RecoveryRow[] = [];
  const groups: [string, Confusion][] = [['all', overall], ...[...byPolicy].sort(([a], [b]) => compareText(a, b))];
  for (const [policy, confusion] of groups) {
    for (const label of confusion.labels(order)) {
      const episodes = confusion.rowTotal(label);
      if (episodes === 0) continue;
      const recovered = confusion.get(label, label);
      rows.push({ policy, true_label: label, episodes, recovered, accuracy: recovered / episodes });
    }
    const recovered = Math.round(confusion.accuracy() * confusion.total);
    rows.push({ policy, true_label: 'all', episodes: confusion.total, recovered, accuracy: confusion.accuracy() });
  }
  return rows;
}
