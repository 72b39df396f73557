/**
 * The numeric behaviour features of an episode for clustering: counts (searches, and reads of what was
 * found), rounds, query repetition, and how queries relate to the question and to earlier results.
 */
import type { EpisodeFeatures } from '../strategy/features';

/** Names of the numeric behaviour features, in vector order. */
export const BEHAVIOUR_FEATURES = [
  'calls',
  'search_calls',
  'read_calls',
  'read_targets',
  'rounds',
  'results',
  'answered',
  'calls_per_round',
  'repeated_queries',
  'mean_sim_question',
  'mean_sim_previous',
  'question_terms',
  'result_terms',
  'bridge_terms',
  'nowhere_terms',
  'entities_covered_share',
  'candidate_in_results',
  'candidate_before_last_call',
  'searched_candidate',
] as const;

/** Computes the numeric behaviour features in `BEHAVIOUR_FEATURES` order. */
export function behaviourVector(f: EpisodeFeatures): number[] {
  const queries = f.queries;
  const distinct = new Set(queries.map((q) => q.query)).size;
  const previous = queries.filter((q) => q.sim_previous !== null);
  let questionTerms = 0;
  let resultTerms = 0;
  let bridgeTerms = 0;
  let nowhereTerms = 0;
  const covered = new Set<number>();
  for (const q of queries) {
    for (const entity of q.covers) covered.add(entity);
    for (const term of q.terms) {
      if (term.source === 'question') questionTerms += 1;
      else if (term.source === 'nowhere') nowhereTerms += 1;
      else resultTerms += 1;
      if (term.bridge) bridgeTerms += 1;
    }
  }
  return [
    f.calls,
    f.search_calls,
    f.read_calls,
    f.read_targets,
    f.rounds,
    f.results,
    f.answered ? 1 : 0,
    f.rounds > 0 ? f.calls / f.rounds : 0,
    queries.length - distinct,
    mean(queries.map((q) => q.sim_question)),
    mean(previous.map((q) => q.sim_previous!)),
    questionTerms,
    resultTerms,
    bridgeTerms,
    nowhereTerms,
    f.entities.length > 0 ? covered.size / f.entities.length : 0,
    f.candidate_first_result !== null ? 1 : 0,
    f.candidate_before_last_call ? 1 : 0,
    queries.some((q) => q.has_candidate) ? 1 : 0,
  ];
}

function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}
