import type { JsonlWriter } from '../../runner/stage';
import { compareText } from '../../../analyses/stats/compare-text';

/** One rejected input record: where it was and why. */
export interface Reject {
  file: string;
  line: number;
  /** Short category used for the counts (e.g. "JSON syntax error", "unknown task"). */
  category: string;
  reason: string;
  /** Which kind of record it was. */
  kind: 'task' | 'trajectory';
}

/** Collects rejects into `rejects.jsonl` and counts them by category. */
export class RejectLog {
  readonly byCategory = new Map<string, number>();
  count = 0;

  constructor(private readonly writer: JsonlWriter) {}

  /** Records one reject. */
  async add(reject: Reject): Promise<void> {
    this.count += 1;
    this.byCategory.set(reject.category, (this.byCategory.get(reject.category) ?? 0) + 1);
    await this.writer.write(reject);
  }

  /** Counts by category, sorted by name (stable output). */
  categories(): Record<string, number> {
    return Object.fromEntries([...this.byCategory.entries()].sort(([a], [b]) => compareText(a, b)));
  }
}
