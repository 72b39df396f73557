/**
 * Per-episode retrieval success and the choice of definition (FORMAT.md `retrieval.csv`): `gold_docs`
 * (every gold document appeared in a tool result) when the tasks list gold documents, else
 * `answer_in_results` (a gold answer appeared in a tool result).
 */
import type { EpisodeRow } from '../episode';

/** The definitions of retrieval success, best first. */
export const RETRIEVAL_DEFINITIONS = ['gold_docs', 'answer_in_results'] as const;

/** A definition of retrieval success. */
export type RetrievalDefinition = (typeof RETRIEVAL_DEFINITIONS)[number];

/** Which definition to use: the best the tasks allow (`auto`) or a forced one. */
export type DefinitionChoice = 'auto' | RetrievalDefinition;

/** The fields of an episode row that retrieval success depends on. */
export type RetrievalFields = Pick<EpisodeRow, 'gold_total' | 'gold_retrieved' | 'answer_in_results'>;

/** Whether the episode retrieved its evidence; null when the definition cannot be applied to its task. */
export function retrievalSuccess(row: RetrievalFields, definition: RetrievalDefinition): boolean | null {
  if (definition === 'gold_docs') return row.gold_total > 0 ? row.gold_retrieved >= row.gold_total : null;
  return row.answer_in_results;
}

/** How many of a family's episodes each definition can be applied to. */
export interface DefinitionCoverage {
  episodes: number;
  gold_docs: number;
  answer_in_results: number;
}

/**
 * The definition for one family: with `auto`, `gold_docs` when every episode's task lists gold
 * documents, else `answer_in_results` when every task has answers, else the one that covers more
 * episodes (the others are excluded and counted); null when neither applies to any episode.
 */
export function chooseDefinition(coverage: DefinitionCoverage, choice: DefinitionChoice): RetrievalDefinition | null {
  if (choice !== 'auto') return coverage[choice] > 0 ? choice : null;
  for (const definition of RETRIEVAL_DEFINITIONS) {
    if (coverage.episodes > 0 && coverage[definition] === coverage.episodes) return definition;
  }
  if (coverage.gold_docs === 0 && coverage.answer_in_results === 0) return null;
  return coverage.gold_docs >= coverage.answer_in_results ? 'gold_docs' : 'answer_in_results';
}
