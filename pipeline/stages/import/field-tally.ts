/**
 * Which source field became each canonical field of one imported file — task, sample, budget,
 * verdict, policy — counted over its records, so the import can print, per file, what fed what and
 * which defaults were used (a silently ignored `question_id` or `max_turns` changes findings).
 */
import { MAPPED_FIELDS, type FieldSources, type MappedField } from '../../adapters/types';

const NONE = '';

/** What happens when a file gives no source for a field. */
const DEFAULTS: Record<MappedField, string> = {
  task: 'none',
  sample: 'none: ingest numbers the episodes of each (policy, task) by arrival',
  budget: 'none: uncapped, reported as budget = all',
  correct: "none: ingest scores the answer against the tasks' gold answers",
  policy: 'none',
};

/** Counts the source of every mapped field over the records of one file. */
export class FieldTally {
  private readonly counts = new Map<MappedField, Map<string, number>>(MAPPED_FIELDS.map((field) => [field, new Map()]));

  /** Counts one converted record's sources. */
  add(sources: FieldSources): void {
    for (const field of MAPPED_FIELDS) {
      const counts = this.counts.get(field)!;
      const source = sources[field] ?? NONE;
      counts.set(source, (counts.get(source) ?? 0) + 1);
    }
  }

  /** field → source → records (`""` = not given), for the manifest. */
  toJSON(): Record<string, Record<string, number>> {
    return Object.fromEntries([...this.counts].map(([field, counts]) => [field, Object.fromEntries(counts)]));
  }

  /**
   * One line: `task ← example_id (100); sample ← none: …; …; policy ← file name "x"`. A policy the user
   * forced (`#name`, `--policy`) is named as such; counts are shown when a field has several sources.
   * `fileDefault` is the file-name policy as displayed (quoted, with its rename if any).
   */
  describe(policy: { forced: string; how: string; fileDefault: string }): string {
    const parts = MAPPED_FIELDS.map((field) => {
      if (field === 'policy' && policy.forced !== '') return `policy ← "${policy.forced}" (${policy.how})`;
      const counts = [...this.counts.get(field)!].sort((a, b) => b[1] - a[1]);
      if (counts.length === 0) return `${field} ← (no records converted)`;
      const text = (source: string) => (source !== NONE ? source : field === 'policy' ? `file name ${policy.fileDefault}` : DEFAULTS[field]);
      if (counts.length === 1) return `${field} ← ${text(counts[0]![0])}`;
      return `${field} ← ${counts.map(([source, n]) => `${text(source)} (${n})`).join(', ')}`;
    });
    return parts.join('; ');
  }
}
