/**
 * The strategy taxonomy (TAXONOMY.md) as one table: each row is a label, its definition and the test
 * on the episode's features. Rows are in precedence order; the first whose test passes gives the label
 * and the evidence that made it pass.
 */
import type { EpisodeFeatures, QueryFeatures } from './features';

/** The taxonomy labels in precedence order. */
export const TAXONOMY_LABELS = ['exhausted', 'no-search', 'verify', 'sequential', 'unanchored', 'parallel', 'reformulate', 'single-shot'] as const;

/** One taxonomy label. */
export type TaxonomyLabel = (typeof TAXONOMY_LABELS)[number];

/** A labeled episode: the label and the evidence (a short human-readable reason). */
export interface RuleVerdict {
  label: TaxonomyLabel;
  evidence: string;
}

/** One row of the rule table. */
export interface Rule {
  label: TaxonomyLabel;
  definition: string;
  /** Returns the evidence when the rule applies, null otherwise. */
  test(features: EpisodeFeatures): string | null;
}

/** The rule table, in precedence order. */
export const RULES: readonly Rule[] = [
  {
    label: 'exhausted',
    definition: 'ends without a final answer (no answer step, or stopped by the budget)',
    test: (f) => (!f.answered ? 'no final answer' : f.halted ? 'marked halted by the source' : null),
  },
  {
    label: 'no-search',
    definition: 'a final answer with no search call at all',
    test: (f) => (f.search_calls === 0 ? 'answered without searching' : null),
  },
  {
    label: 'verify',
    definition: 'a later query contains the single candidate answer that appeared in a result, and the final answer equals it',
    test: (f) => {
      const index = f.queries.findIndex((q) => verifies(f, q));
      return index === -1 ? null : `query ${index + 1} searches the candidate "${f.candidate}" first seen in result ${f.candidate_first_result}`;
    },
  },
  {
    label: 'sequential',
    definition: 'a later query contains a new term that first appeared in an earlier result (the bridge)',
    test: (f) => {
      for (const [index, q] of f.queries.entries()) {
        const bridge = q.terms.find((term) => term.bridge);
        if (bridge) return `query ${index + 1} uses "${bridge.term}" from ${bridge.source}`;
      }
      return null;
    },
  },
  {
    label: 'unanchored',
    definition: 'two or more searches, none using a term from earlier results, and a query with a new name or value found neither in the question nor in any earlier result',
    test: (f) => {
      if (f.search_calls < 2 || f.queries.some(addsResultTerm)) return null;
      for (const [index, q] of f.queries.entries()) {
        const brought = q.brought_names[0];
        if (brought !== undefined) return `query ${index + 1} uses "${brought}", found neither in the question nor in any earlier result`;
      }
      return null;
    },
  },
  {
    label: 'parallel',
    definition: 'two or more queries built only from question terms, covering different question entities',
    test: (f) => {
      if (f.search_calls < 2 || f.queries.some(addsResultTerm)) return null;
      const pair = distinctCoverage(f.queries);
      return pair ? `queries ${pair[0] + 1} and ${pair[1] + 1} cover different question entities` : null;
    },
  },
  {
    label: 'reformulate',
    definition: 'two or more queries built only from question terms (or repeating earlier queries) that are rewordings or repeats, not a decomposition',
    test: (f) => (f.search_calls >= 2 ? `${f.search_calls} queries without a bridge or distinct entities` : null),
  },
  {
    label: 'single-shot',
    definition: 'exactly one search and an answer',
    test: (f) => (f.search_calls === 1 ? 'one search' : null),
  },
];

/** Labels an episode by the first rule of the table that applies. */
export function applyRules(features: EpisodeFeatures): RuleVerdict {
  for (const rule of RULES) {
    const evidence = rule.test(features);
    if (evidence !== null) return { label: rule.label, evidence };
  }
  // Unreachable: every answered episode has 0, 1 or more search calls.
  throw new Error('no taxonomy rule applied');
}

// Searching the candidate after it appeared, with no other names from the results: listing several result
// names filters a set (sequential), it does not verify one candidate.
function verifies(f: EpisodeFeatures, q: QueryFeatures): boolean {
  return (
    q.has_candidate &&
    f.candidate_first_result !== null &&
    f.candidate_first_result <= q.results_before &&
    q.other_result_names.length === 0
  );
}

function addsResultTerm(q: QueryFeatures): boolean {
  return q.terms.some((term) => term.source.startsWith('result'));
}

// Two queries such that each covers a question entity the other does not.
function distinctCoverage(queries: readonly QueryFeatures[]): [number, number] | null {
  for (let i = 0; i < queries.length; i++) {
    for (let j = i + 1; j < queries.length; j++) {
      const a = queries[i]!.covers;
      const b = queries[j]!.covers;
      if (a.some((entity) => !b.includes(entity)) && b.some((entity) => !a.includes(entity))) return [i, j];
    }
  }
  return null;
}
