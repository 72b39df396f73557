/**
 * Selects the episodes of two policies within a group and turns them into pair tables: one per
 * strategy scheme, and one over (label × retrieved/missed) for the retrieval decomposition.
 */
import type { GroupEpisodes, StrategyScheme } from './group-episodes';
import { buildPairTable, type PairEpisode, type PairTable } from './pair-table';
import { MISSED, RETRIEVED } from './retrieval-integration';

/** The episodes of policies a and b in a group, with tasks re-indexed over the union of their tasks. */
export interface PairSelection {
  tasks: string[];
  /** Episode indices into the group. */
  episodes: number[];
  /** 0 = a, 1 = b, per selected episode. */
  side: (0 | 1)[];
  /** Index into `tasks`, per selected episode. */
  task: number[];
}

/** Picks the episodes of policy indices a and b. */
export function selectPair(group: GroupEpisodes, a: number, b: number): PairSelection {
  const selection: PairSelection = { tasks: [], episodes: [], side: [], task: [] };
  const taskIndex = new Map<number, number>();
  for (let i = 0; i < group.policy.length; i++) {
    const policy = group.policy[i]!;
    if (policy !== a && policy !== b) continue;
    const groupTask = group.task[i]!;
    let t = taskIndex.get(groupTask);
    if (t === undefined) {
      t = selection.tasks.length;
      selection.tasks.push(group.tasks[groupTask]!);
      taskIndex.set(groupTask, t);
    }
    selection.episodes.push(i);
    selection.side.push(policy === a ? 0 : 1);
    selection.task.push(t);
  }
  return selection;
}

/** Re-indexes the categories of a scheme to the ones the pair uses (in the group's order). */
function pairCategories(scheme: StrategyScheme, selection: PairSelection): { names: string[]; code: Map<number, number> } {
  const used = new Set<number>();
  for (const i of selection.episodes) used.add(scheme.codes[i]!);
  const ordered = [...used].sort((x, y) => x - y);
  return { names: ordered.map((c) => scheme.categories[c]!), code: new Map(ordered.map((c, j) => [c, j])) };
}

/** The pair's tasks × strategies table under one scheme. */
export function schemePairTable(scheme: StrategyScheme, group: GroupEpisodes, selection: PairSelection): PairTable {
  const { names, code } = pairCategories(scheme, selection);
  const episodes: PairEpisode[] = selection.episodes.map((i, j) => ({
    task: selection.task[j]!,
    side: selection.side[j]!,
    category: code.get(scheme.codes[i]!)!,
    correct: group.correct[i]!,
  }));
  return buildPairTable(selection.tasks, names, episodes);
}

/** The pair's tasks × (label × [retrieved, missed]) table: category 2·l + RETRIEVED or 2·l + MISSED. */
export interface RetrievalPairTable {
  table: PairTable;
  labels: string[];
  /** Episodes of a and b whose retrieval success is undefined (left out), in all. */
  excluded: [number, number];
  /** The same per label. */
  excludedByLabel: [number, number][];
}

/** Builds the retrieval table of a pair, split by the categories of `scheme`. */
export function retrievalPairTable(scheme: StrategyScheme, group: GroupEpisodes, selection: PairSelection): RetrievalPairTable {
  const { names, code } = pairCategories(scheme, selection);
  const excluded: [number, number] = [0, 0];
  const excludedByLabel = names.map((): [number, number] => [0, 0]);
  const episodes: PairEpisode[] = [];
  selection.episodes.forEach((i, j) => {
    const retrieved = group.retrieved[i];
    const side = selection.side[j]!;
    if (retrieved === null || retrieved === undefined) {
      excluded[side] += 1;
      excludedByLabel[code.get(scheme.codes[i]!)!]![side] += 1;
      return;
    }
    episodes.push({
      task: selection.task[j]!,
      side,
      category: 2 * code.get(scheme.codes[i]!)! + (retrieved ? RETRIEVED : MISSED),
      correct: group.correct[i]!,
    });
  });
  const categories = names.flatMap((name) => [`${name}|retrieved`, `${name}|missed`]);
  return { table: buildPairTable(selection.tasks, categories, episodes), labels: names, excluded, excludedByLabel };
}
