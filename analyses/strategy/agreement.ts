/**
 * Agreement between two labelings of the same episodes: a confusion matrix, per-class recall (accuracy on
 * the episodes whose reference label is that class), overall accuracy, and Cohen's kappa.
 */

/** Counts of (reference, predicted) label pairs. */
export class Confusion {
  private readonly cells = new Map<string, Map<string, number>>();
  private count = 0;

  /** Adds one labeled episode. */
  add(reference: string, predicted: string, weight = 1): void {
    let row = this.cells.get(reference);
    if (!row) {
      row = new Map();
      this.cells.set(reference, row);
    }
    row.set(predicted, (row.get(predicted) ?? 0) + weight);
    this.count += weight;
  }

  /** Number of episodes added. */
  get total(): number {
    return this.count;
  }

  /** Every label seen on either side, sorted (with `order` first, in its order, when given). */
  labels(order: readonly string[] = []): string[] {
    const seen = new Set<string>();
    for (const [reference, row] of this.cells) {
      seen.add(reference);
      for (const predicted of row.keys()) seen.add(predicted);
    }
    const first = order.filter((label) => seen.has(label));
    const rest = [...seen].filter((label) => !order.includes(label)).sort();
    return [...first, ...rest];
  }

  /** Count of one cell. */
  get(reference: string, predicted: string): number {
    return this.cells.get(reference)?.get(predicted) ?? 0;
  }

  /** Episodes whose reference label is `reference`. */
  rowTotal(reference: string): number {
    let total = 0;
    for (const value of this.cells.get(reference)?.values() ?? []) total += value;
    return total;
  }

  /** Episodes predicted as `predicted`. */
  columnTotal(predicted: string): number {
    let total = 0;
    for (const row of this.cells.values()) total += row.get(predicted) ?? 0;
    return total;
  }

  /** Share of episodes on the diagonal (NaN when empty). */
  accuracy(): number {
    let agree = 0;
    for (const [reference, row] of this.cells) agree += row.get(reference) ?? 0;
    return this.count === 0 ? Number.NaN : agree / this.count;
  }

  /** Share of the episodes with this reference label that were predicted as it (NaN when none). */
  classAccuracy(reference: string): number {
    const total = this.rowTotal(reference);
    return total === 0 ? Number.NaN : this.get(reference, reference) / total;
  }

  /** Cohen's kappa: (observed - chance agreement) / (1 - chance agreement); 1 when both are constant and equal. */
  kappa(): number {
    if (this.count === 0) return Number.NaN;
    const observed = this.accuracy();
    let chance = 0;
    for (const label of this.labels()) chance += (this.rowTotal(label) / this.count) * (this.columnTotal(label) / this.count);
    if (chance === 1) return observed === 1 ? 1 : 0;
    return (observed - chance) / (1 - chance);
  }

  /** The matrix as nested objects (reference -> predicted -> count), for manifests. */
  toObject(order: readonly string[] = []): Record<string, Record<string, number>> {
    const labels = this.labels(order);
    const out: Record<string, Record<string, number>> = {};
    for (const reference of labels) {
      if (this.rowTotal(reference) === 0) continue;
      out[reference] = {};
      for (const predicted of labels) {
        const value = this.get(reference, predicted);
        if (value > 0) out[reference]![predicted] = value;
      }
    }
    return out;
  }

  /** The matrix as long-format rows (only non-zero cells). */
  rows(order: readonly string[] = []): { reference: string; predicted: string; episodes: number }[] {
    const labels = this.labels(order);
    const rows: { reference: string; predicted: string; episodes: number }[] = [];
    for (const reference of labels) for (const predicted of labels) {
      const episodes = this.get(reference, predicted);
      if (episodes > 0) rows.push({ reference, predicted, episodes });
    }
    return rows;
  }
}
