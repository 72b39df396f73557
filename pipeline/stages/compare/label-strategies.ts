/**
 * The strategy of each labeled episode as the compare stage uses it: the primary label, or
 * `label/reading` (e.g. `single-shot/deep`) in every (family, budget) where some episode read what it
 * found (TAXONOMY.md) — so an agent that learned to read after one search is not "the same strategy".
 */
import { budgetKey } from '../../../analyses/mechanism/budget-key';
import { UserError } from '../../errors';
import type { StageInput } from '../../runner/stage';

/** Episode id → strategy, and the (family, budget) groups whose strategies carry the reading depth. */
export interface LabelStrategies {
  strategies: Map<string, string>;
  /** `family, T=budget` of each group with a read call. */
  groupsWithReads: Set<string>;
}

/** Reads `labels.csv` (id, family, budget, label, reading, read_targets) into strategies. */
export async function readLabelStrategies(input: StageInput): Promise<LabelStrategies> {
  const rows = new Map<string, { label: string; reading: string; group: string }>();
  const groupsWithReads = new Set<string>();
  let line = 1;
  for await (const row of input.csvRows('labels.csv')) {
    line += 1;
    const { id, label } = row;
    if (id === undefined || label === undefined) {
      throw new UserError(`${input.stage}/labels.csv: line ${line} has no "id" or "label" column.`, `Re-run the ${input.stage} stage (--force).`);
    }
    // labels.csv writes an uncapped budget as an empty cell; groups are named like the compare output.
    const group = `${row.family ?? ''}, T=${budgetKey(row.budget === undefined || row.budget === '' ? null : Number(row.budget))}`;
    rows.set(id, { label, reading: row.reading ?? 'none', group });
    if (Number(row.read_targets ?? 0) > 0) groupsWithReads.add(group);
  }
  const strategies = new Map<string, string>();
  for (const [id, { label, reading, group }] of rows) strategies.set(id, groupsWithReads.has(group) ? `${label}/${reading}` : label);
  return { strategies, groupsWithReads };
}
