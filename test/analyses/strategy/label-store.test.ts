import { describe, expect, it } from 'vitest';
import { LabelColumns, type LabelRow } from '../../../analyses/strategy/label-columns';
import { LabelFrequencies } from '../../../analyses/strategy/label-frequencies';

describe('LabelColumns', () => {
  it('gives back exactly the rows it was given, in order', () => {
    const rows: LabelRow[] = [
      { id: 'a', policy: 'base', task: 't1', family: 'bridge', budget: 3, label: 'sequential', correct: true, calls: 2, rounds: 2, sequence: 'x || y', reading: 'brief', read_targets: 2 },
      { id: 'b', policy: 'rl', task: 't1', family: 'bridge', budget: null, label: 'no-search', correct: false, calls: 0, rounds: 0, sequence: '', reading: 'none', read_targets: 0 },
      { id: 'c', policy: 'rl', task: 't2', family: 'comparison', budget: 0, label: 'exhausted', correct: false, calls: 13, rounds: 5, sequence: 'x || y', reading: 'deep', read_targets: 11 },
    ];
    const columns = new LabelColumns();
    for (const row of rows) columns.add(row);
    expect([...columns.rows()]).toEqual(rows);
    expect(columns.size).toBe(3);
    expect(columns.distinctSequences).toBe(2);
    expect([...columns.readingCounts()]).toEqual([['brief', 1], ['none', 1], ['deep', 1]]);
  });
});

describe('LabelFrequencies', () => {
  it('counts label shares per (policy, family, budget) beside the planted shares', () => {
    const f = new LabelFrequencies();
    f.add('rl', 'bridge', 5, 'sequential', 'sequential');
    f.add('rl', 'bridge', 5, 'sequential', 'verify');
    f.add('rl', 'bridge', 5, 'verify', 'verify');
    f.add('rl', 'bridge', 5, 'single-shot', 'verify');
    f.add('base', 'bridge', 5, 'no-search', null);
    expect(f.rows(['verify', 'sequential', 'single-shot'])).toEqual([
      { policy: 'base', family: 'bridge', budget: 5, label: 'no-search', episodes: 1, share: 1, true_episodes: null, true_share: null },
      { policy: 'rl', family: 'bridge', budget: 5, label: 'verify', episodes: 1, share: 0.25, true_episodes: 3, true_share: 0.75 },
      { policy: 'rl', family: 'bridge', budget: 5, label: 'sequential', episodes: 2, share: 0.5, true_episodes: 1, true_share: 0.25 },
      { policy: 'rl', family: 'bridge', budget: 5, label: 'single-shot', episodes: 1, share: 0.25, true_episodes: 0, true_share: 0 },
    ]);
  });
});
