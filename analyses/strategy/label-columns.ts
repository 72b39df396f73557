/**
 * The rows of `labels.csv`, held column by column with repeated strings interned, so a million episodes
 * cost a few bytes each beyond their ids and distinct sequences.
 */

/** A row of `labels.csv`. */
export type LabelRow = {
  id: string;
  policy: string;
  task: string;
  family: string;
  budget: number | null;
  label: string;
  correct: boolean;
  calls: number;
  rounds: number;
  sequence: string;
  /** TAXONOMY.md reading label: none / brief / deep. */
  reading: string;
  /** Distinct read targets (read calls differing in tool or arguments). */
  read_targets: number;
};

/** Interns strings: each distinct string is stored once and referred to by index. */
class Interner {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];

  /** The index of a string, adding it when new. */
  of(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(value, i);
      this.values.push(value);
    }
    return i;
  }
}

/** Column store of label rows, in insertion order. */
export class LabelColumns {
  private readonly ids: string[] = [];
  private readonly strings = new Interner();
  private readonly sequences = new Interner();
  private readonly cells: number[] = [];
  private readonly readings = new Map<string, number>();
  private static readonly WIDTH = 10;

  /** Appends a row. */
  add(row: LabelRow): void {
    this.ids.push(row.id);
    this.cells.push(
      this.strings.of(row.policy),
      this.strings.of(row.task),
      this.strings.of(row.family),
      row.budget ?? -1,
      this.strings.of(row.label),
      (row.correct ? 1 : 0) + 2 * row.calls,
      row.rounds,
      this.sequences.of(row.sequence),
      this.strings.of(row.reading),
      row.read_targets,
    );
    this.readings.set(row.reading, (this.readings.get(row.reading) ?? 0) + 1);
  }

  /** Number of rows. */
  get size(): number {
    return this.ids.length;
  }

  /** Number of distinct sequences over all rows. */
  get distinctSequences(): number {
    return this.sequences.values.length;
  }

  /** Rows per reading label. */
  readingCounts(): ReadonlyMap<string, number> {
    return this.readings;
  }

  /** The rows, in insertion order. */
  *rows(): Generator<LabelRow> {
    const w = LabelColumns.WIDTH;
    const s = this.strings.values;
    for (let i = 0; i < this.ids.length; i++) {
      const c = this.cells;
      const budget = c[i * w + 3]!;
      const packed = c[i * w + 5]!;
      yield {
        id: this.ids[i]!,
        policy: s[c[i * w]!]!,
        task: s[c[i * w + 1]!]!,
        family: s[c[i * w + 2]!]!,
        budget: budget < 0 ? null : budget,
        label: s[c[i * w + 4]!]!,
        correct: packed % 2 === 1,
        calls: Math.floor(packed / 2),
        rounds: c[i * w + 6]!,
        sequence: this.sequences.values[c[i * w + 7]!]!,
        reading: s[c[i * w + 8]!]!,
        read_targets: c[i * w + 9]!,
      };
    }
  }
}
