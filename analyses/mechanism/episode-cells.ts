/**
 * The per-task sufficient statistics of the mechanism analyses (compare, retrieval): episodes counted by
 * policy, family, budget, task, outcome, retrieval success under each definition and strategy. The
 * task-clustered bootstrap needs nothing finer, so one run and a merge of shards call the same analyses
 * on the same cells. Each cell keeps the position of its first episode: groups expanded from cells in
 * that order intern policies, tasks and strategies as the episodes came, which gives the bytes of the
 * analysis over the episodes one by one.
 */
import { budgetKey } from '../budget';
import type { EpisodeRow } from '../episode';
import { compareText } from '../stats/compare-text';
import { createGroupBuilder, type GroupBuilder, type GroupEpisodes } from './group-episodes';
import { type RetrievalDefinition, retrievalSuccess } from './retrieval-success';

/** Category of a traced episode the label stage did not label (kept so the decomposition still covers every episode). */
export const UNLABELED = 'unlabeled';
/** Category of a traced episode the cluster stage did not assign. */
export const UNCLUSTERED = 'unclustered';

/** What a cell is counted by. */
export interface CellKey {
  policy: string;
  family: string;
  /** Interaction budget T; null = uncapped. */
  budget: number | null;
  task: string;
  /** False for outcome-only episodes (no steps): counted, never compared. */
  traced: boolean;
  correct: boolean;
  /** Retrieval success under each definition (null: the definition does not apply to the task). */
  gold_docs: boolean | null;
  answer_in_results: boolean | null;
  /** Strategy label; null = not labeled (or the label stage did not run). */
  label: string | null;
  /** Reading depth beside the label (null without a label). */
  reading: string | null;
  /** The episode read what it found (a read-role call): the group's strategies then carry the reading depth. */
  reads: boolean;
  /** Behaviour cluster; null = not clustered (or the cluster stage did not run). */
  cluster: string | null;
}

/** A cell: its key, its episodes and the position of its first episode in the input order. */
export interface EpisodeCell extends CellKey {
  episodes: number;
  first: number;
}

/** The cell key of an episode row (its strategy fields set by the caller). */
export function cellKeyOf(row: EpisodeRow, strategy: Pick<CellKey, 'label' | 'reading' | 'reads' | 'cluster'>): CellKey {
  return {
    policy: row.policy,
    family: row.family,
    budget: row.budget,
    task: row.task,
    traced: row.trace !== 'missing',
    correct: row.correct,
    gold_docs: retrievalSuccess(row, 'gold_docs'),
    answer_in_results: retrievalSuccess(row, 'answer_in_results'),
    ...strategy,
  };
}

const NONE = '\u0001';
const flag = (value: boolean | null): string => (value === null ? 'n' : value ? 't' : 'f');

/** Sums episodes into cells (from episodes one by one, or from other cells: shards). */
export class EpisodeCells {
  private readonly cells = new Map<string, EpisodeCell>();

  /** Adds `episodes` episodes of this key, the first of them at `position`. */
  add(key: CellKey, position: number, episodes = 1): void {
    const id = [
      key.policy,
      key.family,
      key.budget ?? NONE,
      key.task,
      flag(key.traced) + flag(key.correct) + flag(key.gold_docs) + flag(key.answer_in_results) + flag(key.reads),
      key.label ?? NONE,
      key.reading ?? NONE,
      key.cluster ?? NONE,
    ].join('\u0000');
    const cell = this.cells.get(id);
    if (cell) {
      cell.episodes += episodes;
      cell.first = Math.min(cell.first, position);
    } else {
      this.cells.set(id, { ...key, episodes, first: position });
    }
  }

  /** Number of cells. */
  get size(): number {
    return this.cells.size;
  }

  /** The cells in a canonical order (policy, family, budget with uncapped last, task, then the rest), whatever order they came in. */
  rows(): EpisodeCell[] {
    return [...this.cells.values()].sort(compareCells);
  }

  /** The cells in the order their first episodes came. */
  inOrder(): EpisodeCell[] {
    return [...this.cells.values()].sort((a, b) => a.first - b.first);
  }
}

function compareCells(a: EpisodeCell, b: EpisodeCell): number {
  return (
    compareText(a.policy, b.policy) ||
    compareText(a.family, b.family) ||
    (a.budget ?? Number.POSITIVE_INFINITY) - (b.budget ?? Number.POSITIVE_INFINITY) ||
    compareText(a.task, b.task) ||
    a.first - b.first
  );
}

/** How cells become the groups the comparisons read. */
export interface GroupOptions {
  /** Strategy schemes, in order: `label`, `cluster`. */
  schemes: readonly ('label' | 'cluster')[];
  /** Retrieval definition of each family (the others get null retrieval). */
  definitions: ReadonlyMap<string, RetrievalDefinition>;
}

/** The `family, T=budget` name of a group, as the compare stage's notes write it. */
export function groupName(family: string, budget: number | null): string {
  return `${family}, T=${budgetKey(budget)}`;
}

/**
 * The groups of traced episodes per (family, budget), expanded from the cells in the order their first
 * episodes came. A labeled episode's strategy is `label/reading` in the groups where some labeled episode
 * read what it found (TAXONOMY.md), else its label; unlabeled and unclustered episodes get a category of their own.
 */
export function groupsFromCells(cells: Iterable<EpisodeCell>, options: GroupOptions): GroupEpisodes[] {
  const ordered = [...cells].filter((cell) => cell.traced).sort((a, b) => a.first - b.first);
  const withReads = new Set(ordered.filter((cell) => cell.label !== null && cell.reads).map((cell) => groupName(cell.family, cell.budget)));
  const groups = new Map<string, GroupBuilder>();
  for (const cell of ordered) {
    const name = groupName(cell.family, cell.budget);
    let builder = groups.get(name);
    if (!builder) groups.set(name, (builder = createGroupBuilder(cell.family, budgetKey(cell.budget), options.schemes)));
    const strategies = options.schemes.map((scheme) => {
      if (scheme === 'cluster') return cell.cluster ?? UNCLUSTERED;
      if (cell.label === null) return UNLABELED;
      return withReads.has(name) ? `${cell.label}/${cell.reading}` : cell.label;
    });
    const definition = options.definitions.get(cell.family);
    const episode = { policy: cell.policy, task: cell.task, correct: cell.correct, retrieved: definition ? cell[definition] : null, strategies };
    for (let i = 0; i < cell.episodes; i++) builder.add(episode);
  }
  return [...groups.values()].map((builder) => builder.group);
}

/** The `family, T=budget` groups where labeled episodes read what they found. */
export function groupsWithReads(cells: Iterable<EpisodeCell>): string[] {
  const names = new Set<string>();
  for (const cell of cells) if (cell.traced && cell.label !== null && cell.reads) names.add(groupName(cell.family, cell.budget));
  return [...names].sort();
}
