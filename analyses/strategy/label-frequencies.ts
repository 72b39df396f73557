/**
 * How often each label occurs per (policy, family, budget), next to how often the planted strategy occurs
 * when the data is simulated (meta.true_strategy): the "label frequencies land near the planted mixture" check.
 */
import { compareRows } from './sequence-table';

/** A row of `label_frequencies.csv`. */
export type LabelFrequencyRow = {
  policy: string;
  family: string;
  budget: number | null;
  label: string;
  episodes: number;
  share: number;
  /** Episodes whose planted strategy is this label (null when the data has none). */
  true_episodes: number | null;
  true_share: number | null;
};

/** Which (policy, family, budget) a count belongs to. */
export interface CellKey {
  policy: string;
  family: string;
  budget: number | null;
}

interface Cell {
  policy: string;
  family: string;
  budget: number | null;
  total: number;
  withTruth: number;
  labels: Map<string, number>;
  truths: Map<string, number>;
}

/** Counts labels (and planted strategies) per (policy, family, budget). */
export class LabelFrequencies {
  private readonly cells = new Map<string, Cell>();

  /** Adds one episode's label and its planted strategy (null when unknown). */
  add(policy: string, family: string, budget: number | null, label: string, truth: string | null): void {
    this.addLabel({ policy, family, budget }, label, 1);
    if (truth !== null) this.addTruth({ policy, family, budget }, truth, 1);
  }

  /** Adds `episodes` episodes that carry this label (counts from a shard merge add up the same way). */
  addLabel(where: CellKey, label: string, episodes: number): void {
    const cell = this.cell(where);
    cell.total += episodes;
    cell.labels.set(label, (cell.labels.get(label) ?? 0) + episodes);
  }

  /** Adds `episodes` episodes whose planted strategy is `truth`. */
  addTruth(where: CellKey, truth: string, episodes: number): void {
    const cell = this.cell(where);
    cell.withTruth += episodes;
    cell.truths.set(truth, (cell.truths.get(truth) ?? 0) + episodes);
  }

  private cell({ policy, family, budget }: CellKey): Cell {
    const key = JSON.stringify([policy, family, budget]);
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { policy, family, budget, total: 0, withTruth: 0, labels: new Map(), truths: new Map() }));
    return cell;
  }

  /** The rows, labels in `order` first then alphabetically, every label seen on either side. */
  rows(order: readonly string[] = []): LabelFrequencyRow[] {
    const rows: LabelFrequencyRow[] = [];
    const cells = [...this.cells.values()].sort((a, b) => compareRows({ ...a, task: '' }, { ...b, task: '' }));
    for (const cell of cells) {
      const names = new Set([...cell.labels.keys(), ...cell.truths.keys()]);
      const sorted = [...order.filter((label) => names.has(label)), ...[...names].filter((label) => !order.includes(label)).sort()];
      for (const label of sorted) {
        const episodes = cell.labels.get(label) ?? 0;
        const truths = cell.truths.get(label) ?? 0;
        rows.push({
          policy: cell.policy,
          family: cell.family,
          budget: cell.budget,
          label,
          episodes,
          share: episodes / cell.total,
          true_episodes: cell.withTruth > 0 ? truths : null,
          true_share: cell.withTruth > 0 ? truths / cell.withTruth : null,
        });
      }
    }
    return rows;
  }
}
