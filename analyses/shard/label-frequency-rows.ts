/**
 * The label stage's `label_frequencies.csv` rebuilt from label counts (no episodes needed), row for
 * row as `LabelFrequencies.rows` writes it, so a merged run reports the same table as one run.
 */
import type { LabelFrequencyRow } from '../strategy/label-frequencies';
import { compareRows } from '../strategy/sequence-table';
import type { LabelCount, TruthCount } from './label-counts';

interface Cell {
  policy: string;
  family: string;
  budget: number | null;
  total: number;
  withTruth: number;
  labels: Map<string, number>;
  truths: Map<string, number>;
}

/** Label frequencies per (policy, family, budget): labels in `order` first, then the rest in code-unit order. */
export function labelFrequencyRows(counts: Iterable<LabelCount>, truths: Iterable<TruthCount>, order: readonly string[] = []): LabelFrequencyRow[] {
  const cells = new Map<string, Cell>();
  const cellOf = (row: { policy: string; family: string; budget: number | null }): Cell => {
    const key = JSON.stringify([row.policy, row.family, row.budget]);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { policy: row.policy, family: row.family, budget: row.budget, total: 0, withTruth: 0, labels: new Map(), truths: new Map() }));
    return cell;
  };
  for (const count of counts) {
    const cell = cellOf(count);
    cell.total += count.episodes;
    cell.labels.set(count.label, (cell.labels.get(count.label) ?? 0) + count.episodes);
  }
  for (const truth of truths) {
    const cell = cellOf(truth);
    cell.withTruth += truth.episodes;
    cell.truths.set(truth.label, (cell.truths.get(truth.label) ?? 0) + truth.episodes);
  }
  const rows: LabelFrequencyRow[] = [];
  for (const cell of [...cells.values()].sort((a, b) => compareRows({ ...a, task: '' }, { ...b, task: '' }))) {
    const names = new Set([...cell.labels.keys(), ...cell.truths.keys()]);
    const sorted = [...order.filter((label) => names.has(label)), ...[...names].filter((label) => !order.includes(label)).sort()];
    for (const label of sorted) {
      const episodes = cell.labels.get(label) ?? 0;
      const planted = cell.truths.get(label) ?? 0;
      rows.push({
        policy: cell.policy,
        family: cell.family,
        budget: cell.budget,
        label,
        episodes,
        share: episodes / cell.total,
        true_episodes: cell.withTruth > 0 ? planted : null,
        true_share: cell.withTruth > 0 ? planted / cell.withTruth : null,
      });
    }
  }
  return rows;
}
