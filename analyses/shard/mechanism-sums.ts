/**
 * The mechanism statistics of shards, summed: episode cells (compare, retrieval), hashed query
 * sequences per (policy, task, budget) (sequences.csv, diversity.csv), the planted-strategy confusion
 * per policy (label_accuracy.csv, label_confusion.csv) and the hashed episode ids (duplicates across
 * shards). Every sum is of integers; the positions of first episodes take their minimum.
 */
import { EpisodeCells, type EpisodeCell } from '../mechanism/episode-cells';
import { compareRows } from '../strategy/sequence-table';
import { compareText } from '../stats/compare-text';

/** Episodes per hashed query sequence in one (policy, family, budget, task). */
export interface SequenceCounts {
  policy: string;
  family: string;
  budget: number | null;
  task: string;
  /** [hash, episodes], by hash. */
  counts: [string, number][];
}

/** Episodes of one policy whose planted strategy is `true_label` and that got `label`. */
export interface ConfusionCount {
  policy: string;
  true_label: string;
  label: string;
  episodes: number;
}

/** The sums. */
export class MechanismSums {
  readonly cells = new EpisodeCells();
  private readonly sequences = new Map<string, { where: Omit<SequenceCounts, 'counts'>; counts: Map<string, number> }>();
  private readonly confusion = new Map<string, ConfusionCount>();
  private readonly idHashes: string[] = [];

  /** Adds cells (a shard's, or one episode's). */
  addCell(cell: EpisodeCell): void {
    this.cells.add(cell, cell.first, cell.episodes);
  }

  /** Adds `episodes` episodes with this hashed sequence. */
  addSequence(where: Omit<SequenceCounts, 'counts'>, hash: string, episodes: number): void {
    const id = JSON.stringify([where.policy, where.family, where.budget, where.task]);
    let group = this.sequences.get(id);
    if (!group) this.sequences.set(id, (group = { where: { policy: where.policy, family: where.family, budget: where.budget, task: where.task }, counts: new Map() }));
    group.counts.set(hash, (group.counts.get(hash) ?? 0) + episodes);
  }

  /** Adds a confusion count. */
  addConfusion(count: ConfusionCount): void {
    const id = JSON.stringify([count.policy, count.true_label, count.label]);
    const entry = this.confusion.get(id);
    if (entry) entry.episodes += count.episodes;
    else this.confusion.set(id, { policy: count.policy, true_label: count.true_label, label: count.label, episodes: count.episodes });
  }

  /** Adds hashed episode ids. */
  addIds(hashes: Iterable<string>): void {
    for (const hash of hashes) this.idHashes.push(hash);
  }

  /** The sequence groups, sorted by policy, family, budget (uncapped last), task; hashes sorted within. */
  sequenceRows(): SequenceCounts[] {
    return [...this.sequences.values()]
      .map(({ where, counts }) => ({ ...where, counts: [...counts].sort(([a], [b]) => compareText(a, b)) }))
      .sort(compareRows);
  }

  /** The confusion counts, by policy, planted strategy, label. */
  confusionRows(): ConfusionCount[] {
    return [...this.confusion.values()].sort((a, b) => compareText(a.policy, b.policy) || compareText(a.true_label, b.true_label) || compareText(a.label, b.label));
  }

  /** The id hashes, sorted. */
  ids(): string[] {
    return [...this.idHashes].sort();
  }

  /** Hashes that occur more than once (ids accepted in two shards), sorted. */
  duplicateIds(): string[] {
    const sorted = this.ids();
    const duplicates: string[] = [];
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1] && duplicates[duplicates.length - 1] !== sorted[i]) duplicates.push(sorted[i]!);
    return duplicates;
  }
}
