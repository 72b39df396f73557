import { describe, expect, it } from 'vitest';
import { chooseDefinition, retrievalSuccess } from '../../../analyses/mechanism/retrieval-success';

describe('retrieval success', () => {
  it('gold_docs: every gold document retrieved', () => {
    expect(retrievalSuccess({ gold_total: 2, gold_retrieved: 2, answer_in_results: false }, 'gold_docs')).toBe(true);
    expect(retrievalSuccess({ gold_total: 2, gold_retrieved: 1, answer_in_results: true }, 'gold_docs')).toBe(false);
    expect(retrievalSuccess({ gold_total: 0, gold_retrieved: 0, answer_in_results: true }, 'gold_docs')).toBeNull();
  });
  it('answer_in_results: taken from the row, null when the task has no answers', () => {
    expect(retrievalSuccess({ gold_total: 2, gold_retrieved: 0, answer_in_results: true }, 'answer_in_results')).toBe(true);
    expect(retrievalSuccess({ gold_total: 2, gold_retrieved: 2, answer_in_results: null }, 'answer_in_results')).toBeNull();
  });
  it('auto picks gold_docs when every task lists gold docs, else a fully covering answer definition', () => {
    expect(chooseDefinition({ episodes: 10, gold_docs: 10, answer_in_results: 10 }, 'auto')).toBe('gold_docs');
    expect(chooseDefinition({ episodes: 10, gold_docs: 4, answer_in_results: 10 }, 'auto')).toBe('answer_in_results');
    expect(chooseDefinition({ episodes: 10, gold_docs: 6, answer_in_results: 3 }, 'auto')).toBe('gold_docs');
    expect(chooseDefinition({ episodes: 10, gold_docs: 2, answer_in_results: 3 }, 'auto')).toBe('answer_in_results');
    expect(chooseDefinition({ episodes: 10, gold_docs: 0, answer_in_results: 0 }, 'auto')).toBeNull();
  });
  it('a forced definition is used when it applies to some episode', () => {
    expect(chooseDefinition({ episodes: 10, gold_docs: 10, answer_in_results: 10 }, 'answer_in_results')).toBe('answer_in_results');
    expect(chooseDefinition({ episodes: 10, gold_docs: 0, answer_in_results: 10 }, 'gold_docs')).toBeNull();
  });
});
