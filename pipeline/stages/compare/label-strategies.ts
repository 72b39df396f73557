/**
 * The strategy of each labeled episode as the compare stage uses it: the primary label, or
 * `label/reading` (e.g. `single-shot/deep`) in every (family, budget) where some episode read what it
 * found (TAXONOMY.md) — so an agent that learned to read after one search is not "the same strategy".
 */
import { budgetKey } from '../../../analyses/budget';
import type { LabelRow } from '../../../analyses/strategy/label-columns';

/** Episode id → strategy, and the (family, budget) groups whose strategies carry the reading depth. */
export interface LabelStrategies {
  strategies: Map<string, string>;
  /** `family, T=budget` of each group with a read call. */
  groupsWithReads: Set<string>;
}

/** Reads the rows of `labels.csv` into strategies. */
export async function readLabelStrategies(rows: AsyncIterable<LabelRow>): Promise<LabelStrategies> {
  const labels = new Map<string, { label: string; reading: string; group: string }>();
  const groupsWithReads = new Set<string>();
  for await (const row of rows) {
    // Groups are named as the compare output names them (`bridge, T=5`, `all` for uncapped).
    const group = `${row.family}, T=${budgetKey(row.budget)}`;
    labels.set(row.id, { label: row.label, reading: row.reading, group });
    if (row.read_targets > 0) groupsWithReads.add(group);
  }
  const strategies = new Map<string, string>();
  for (const [id, { label, reading, group }] of labels) strategies.set(id, groupsWithReads.has(group) ? `${label}/${reading}` : label);
  return { strategies, groupsWithReads };
}
