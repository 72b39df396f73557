/**
 * Fills a task's corpus to exactly ten paragraphs: the gold ones plus distractors taken from pools in
 * priority order (each with a quota), then from a fallback pool, then from anywhere. The corpus order
 * is shuffled so that position says nothing about relevance.
 */
import type { Rng } from '../../../analyses/random/rng';

/** The corpus size of the HotpotQA distractor setting. */
export const CORPUS_SIZE = 10;

/** A source of distractors and how many to take from it at most. */
export interface DistractorPool {
  ids: readonly number[];
  quota: number;
}

/** Shuffles in place (Fisher–Yates) and returns the array. */
export function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** The ten entity ids of a task corpus, shuffled. */
export function buildCorpus(gold: readonly number[], pools: readonly DistractorPool[], fallback: readonly number[], total: number, rng: Rng): number[] {
  const chosen = new Set<number>(gold);
  const take = (ids: readonly number[], quota: number): void => {
    for (const id of shuffle([...ids], rng)) {
      if (quota <= 0 || chosen.size >= CORPUS_SIZE) return;
      if (chosen.has(id)) continue;
      chosen.add(id);
      quota -= 1;
    }
  };
  for (const pool of pools) take(pool.ids, pool.quota);
  take(fallback, CORPUS_SIZE);
  while (chosen.size < CORPUS_SIZE) chosen.add(rng.int(total));
  return shuffle([...chosen], rng);
}
