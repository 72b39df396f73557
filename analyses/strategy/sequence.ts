/**
 * The study's definition of a strategy: the episode's normalized query sequence. Queries are normalized
 * like answers (lower case, no punctuation or articles, collapsed spaces) so trivial spelling variants
 * of the same search count as one strategy.
 */
import { normalizeAnswer } from '../text/normalize';

/** Separator between queries of a sequence (cannot occur inside a normalized query). */
export const SEQUENCE_SEPARATOR = ' || ';

/** What an empty (or all-punctuation) query becomes, so it stays visible in a sequence. */
export const EMPTY_QUERY = '(empty)';

/** Normalizes one query text. */
export function normalizeQuery(query: string): string {
  return normalizeAnswer(query) || EMPTY_QUERY;
}

/** Joins normalized queries into the sequence key (empty string for an episode without queries). */
export function sequenceKey(normalizedQueries: readonly string[]): string {
  return normalizedQueries.join(SEQUENCE_SEPARATOR);
}

/** The calls of an episode, reduced to what a sequence needs. */
export interface SequenceCall {
  tool: string;
  query: string;
}

/**
 * The query sequence of an episode: its search queries; for an agent without search calls, every call
 * as `tool: query` so that tool-using agents of other kinds still get a comparable strategy.
 */
export function episodeSequence(calls: readonly SequenceCall[], isSearch: (tool: string) => boolean): string {
  const searches = calls.filter((call) => isSearch(call.tool));
  if (searches.length > 0 || calls.length === 0) return sequenceKey(searches.map((call) => normalizeQuery(call.query)));
  return sequenceKey(calls.map((call) => `${call.tool}: ${normalizeQuery(call.query)}`));
}
