import { compareText } from '../stats/compare-text';
/**
 * Query-sequence strategies per (policy, task, budget): how many distinct sequences a policy uses on a task,
 * and how many of them the base policy also used on the same task at the same budget (overlap / novelty).
 */

/** One episode's place and sequence. */
export interface SequenceEntry {
  policy: string;
  family: string;
  budget: number | null;
  task: string;
  sequence: string;
}

/** Counts of each sequence within one (policy, family, budget, task) group. */
export interface SequenceGroup {
  policy: string;
  family: string;
  budget: number | null;
  task: string;
  episodes: number;
  counts: Map<string, number>;
}

/** A row of `sequences.csv`. */
export type SequenceRow = {
  policy: string;
  family: string;
  budget: number | null;
  task: string;
  episodes: number;
  unique_sequences: number;
  /** Distinct sequences of this group that the base policy also produced (null: base has no episodes here). */
  shared_with_base: number | null;
  /** shared_with_base / unique_sequences. */
  share_in_base: number | null;
  base_unique_sequences: number | null;
  /** shared_with_base / base_unique_sequences: the reverse overlap. */
  share_of_base: number | null;
  /** unique_sequences - shared_with_base. */
  novel_sequences: number | null;
  /** Share of this group's episodes whose sequence the base policy also produced. */
  episode_share_in_base: number | null;
};

/** Accumulates sequences into groups, one entry at a time (memory: one count per distinct sequence). */
export class SequenceTally {
  private readonly groups = new Map<string, SequenceGroup>();

  /** Adds one episode. */
  add(entry: SequenceEntry): void {
    const key = groupKey(entry.policy, entry.task, entry.budget);
    let group = this.groups.get(key);
    if (!group) {
      group = { policy: entry.policy, family: entry.family, budget: entry.budget, task: entry.task, episodes: 0, counts: new Map() };
      this.groups.set(key, group);
    }
    group.episodes += 1;
    group.counts.set(entry.sequence, (group.counts.get(entry.sequence) ?? 0) + 1);
  }

  /** The rows of `sequences.csv`, sorted by policy, family, budget, task; overlap against `base`. */
  rows(base: string): SequenceRow[] {
    const rows: SequenceRow[] = [];
    for (const group of this.groups.values()) {
      const baseGroup = this.groups.get(groupKey(base, group.task, group.budget));
      const unique = group.counts.size;
      const row: SequenceRow = {
        policy: group.policy,
        family: group.family,
        budget: group.budget,
        task: group.task,
        episodes: group.episodes,
        unique_sequences: unique,
        shared_with_base: null,
        share_in_base: null,
        base_unique_sequences: null,
        share_of_base: null,
        novel_sequences: null,
        episode_share_in_base: null,
      };
      if (baseGroup) {
        let shared = 0;
        let sharedEpisodes = 0;
        for (const [sequence, count] of group.counts) {
          if (baseGroup.counts.has(sequence)) {
            shared += 1;
            sharedEpisodes += count;
          }
        }
        row.shared_with_base = shared;
        row.share_in_base = shared / unique;
        row.base_unique_sequences = baseGroup.counts.size;
        row.share_of_base = shared / baseGroup.counts.size;
        row.novel_sequences = unique - shared;
        row.episode_share_in_base = sharedEpisodes / group.episodes;
      }
      rows.push(row);
    }
    return rows.sort(compareRows);
  }
}

function groupKey(policy: string, task: string, budget: number | null): string {
  return JSON.stringify([policy, task, budget]);
}

/** Orders rows by policy, family, budget (uncapped last), task. */
export function compareRows(
  a: { policy: string; family: string; budget: number | null; task: string },
  b: { policy: string; family: string; budget: number | null; task: string },
): number {
  return (
    compareText(a.policy, b.policy) ||
    compareText(a.family, b.family) ||
    (a.budget ?? Number.POSITIVE_INFINITY) - (b.budget ?? Number.POSITIVE_INFINITY) ||
    compareText(a.task, b.task)
  );
}
