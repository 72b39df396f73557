import { describe, expect, it } from 'vitest';
import { addToRetrievalTable, createRetrievalTable, summarizeRetrieval } from '../../../analyses/mechanism/retrieval-table';
import { episodeRow } from './row-helper';

describe('retrieval table', () => {
  it('writes FORMAT.md rows with the gold_docs definition, per policy, family and budget', () => {
    const table = createRetrievalTable();
    // base, bridge, T=5: 3 retrieved (2 correct), 1 missed (correct) → rate .75, acc .75, 2/3, 1
    for (const [retrieved, correct] of [[2, true], [2, true], [2, false], [1, true]] as const) {
      addToRetrievalTable(table, episodeRow({ policy: 'base', task: 't1', gold_retrieved: retrieved, correct }));
    }
    addToRetrievalTable(table, episodeRow({ policy: 'rl', task: 't1', gold_retrieved: 0, correct: false }));
    addToRetrievalTable(table, episodeRow({ policy: 'rl', task: 't1', budget: null, gold_retrieved: 2, correct: true }));
    const summary = summarizeRetrieval(table, 'auto');
    expect(summary.definitions.get('bridge')).toBe('gold_docs');
    expect(summary.rows).toEqual([
      { policy: 'base', family: 'bridge', budget: 5, episodes: 4, retrieval_rate: 0.75, accuracy: 0.75, acc_given_retrieved: 2 / 3, acc_given_missed: 1, definition: 'gold_docs' },
      { policy: 'rl', family: 'bridge', budget: 5, episodes: 1, retrieval_rate: 0, accuracy: 0, acc_given_retrieved: NaN, acc_given_missed: 0, definition: 'gold_docs' },
      { policy: 'rl', family: 'bridge', budget: 'all', episodes: 1, retrieval_rate: 1, accuracy: 1, acc_given_retrieved: 1, acc_given_missed: NaN, definition: 'gold_docs' },
    ]);
  });

  it('falls back to answer_in_results per family and leaves out what no definition covers', () => {
    const table = createRetrievalTable();
    addToRetrievalTable(table, episodeRow({ policy: 'base', task: 'q1', family: 'trivia', gold_total: 0, answer_in_results: true, correct: true }));
    addToRetrievalTable(table, episodeRow({ policy: 'base', task: 'q2', family: 'trivia', gold_total: 0, answer_in_results: false, correct: true }));
    addToRetrievalTable(table, episodeRow({ policy: 'base', task: 'q3', family: 'trivia', gold_total: 1, gold_retrieved: 1, answer_in_results: null }));
    addToRetrievalTable(table, episodeRow({ policy: 'base', task: 'x', family: 'tau', gold_total: 0, answer_in_results: null }));
    const summary = summarizeRetrieval(table, 'auto');
    expect(summary.definitions.get('trivia')).toBe('answer_in_results');
    expect(summary.excluded.get('trivia')).toBe(1);
    expect(summary.undefinedFamilies).toEqual(['tau']);
    expect(summary.rows).toHaveLength(1);
    expect(summary.rows[0]).toMatchObject({ family: 'trivia', episodes: 2, retrieval_rate: 0.5, accuracy: 1, definition: 'answer_in_results' });
  });
});
