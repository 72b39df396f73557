import { compareText } from '../stats/compare-text';
/**
 * Label counts as additive sufficient statistics: episodes and successes per (policy, family, task,
 * budget, label), and planted-strategy counts per (policy, family, budget, label). Shards sum exactly.
 */

/** Episodes of one policy on one task at one budget that got one label, and how many were correct. */
export type LabelCount = {
  policy: string;
  family: string;
  task: string;
  /** Interaction budget T; null = uncapped. */
  budget: number | null;
  label: string;
  episodes: number;
  successes: number;
};

/** Episodes of one (policy, family, budget) whose planted strategy (meta.true_strategy) is `label`. */
export type TruthCount = {
  policy: string;
  family: string;
  budget: number | null;
  label: string;
  episodes: number;
};

/** Orders by policy, family, budget (uncapped last), then task (rows without one first), then label. */
export function compareLabelKeys(
  a: { policy: string; family: string; budget: number | null; task?: string; label: string },
  b: { policy: string; family: string; budget: number | null; task?: string; label: string },
): number {
  return (
    compareText(a.policy, b.policy) ||
    compareText(a.family, b.family) ||
    (a.budget ?? Number.POSITIVE_INFINITY) - (b.budget ?? Number.POSITIVE_INFINITY) ||
    compareText(a.task ?? '', b.task ?? '') ||
    compareText(a.label, b.label)
  );
}

/** Sums label and planted-strategy counts from episodes or from other tables of counts. */
export class LabelCounts {
  private readonly counts = new Map<string, LabelCount>();
  private readonly truths = new Map<string, TruthCount>();

  /** Adds `episodes` episodes (of which `successes` correct) with this label: 1 and 0|1 for one episode. */
  add(key: Omit<LabelCount, 'episodes' | 'successes'>, episodes: number, successes: number): void {
    const id = JSON.stringify([key.policy, key.family, key.task, key.budget, key.label]);
    const entry = this.counts.get(id);
    if (entry) {
      entry.episodes += episodes;
      entry.successes += successes;
    } else {
      this.counts.set(id, { policy: key.policy, family: key.family, task: key.task, budget: key.budget, label: key.label, episodes, successes });
    }
  }

  /** Adds `episodes` episodes whose planted strategy is this label. */
  addTruth(key: Omit<TruthCount, 'episodes'>, episodes: number): void {
    const id = JSON.stringify([key.policy, key.family, key.budget, key.label]);
    const entry = this.truths.get(id);
    if (entry) entry.episodes += episodes;
    else this.truths.set(id, { policy: key.policy, family: key.family, budget: key.budget, label: key.label, episodes });
  }

  /** Number of distinct (policy, family, task, budget, label) rows. */
  get size(): number {
    return this.counts.size;
  }

  /** The label counts in (policy, family, budget, task, label) order, whatever order they were added in. */
  rows(): LabelCount[] {
    return [...this.counts.values()].sort(compareLabelKeys);
  }

  /** The planted-strategy counts in (policy, family, budget, label) order. */
  truthRows(): TruthCount[] {
    return [...this.truths.values()].sort(compareLabelKeys);
  }
}
