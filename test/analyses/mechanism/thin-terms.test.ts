import { describe, expect, it } from 'vitest';
import { decompositionRows } from '../../../analyses/mechanism/decomposition-rows';
import { buildPairTable, type PairEpisode } from '../../../analyses/mechanism/pair-table';
import { restsOnThin, thinStrategies } from '../../../analyses/mechanism/thin-terms';
import { createRng } from '../../../analyses/random/rng';
import { drawTaskResamples } from '../../../analyses/stats/task-bootstrap';

/** 40 tasks; per task: a uses `common` 10 times, b 10 times; single-shot only on the first `rareTasks` tasks of a. */
function table(rareTasks: number, rarePerTask: number) {
  const episodes: PairEpisode[] = [];
  for (let task = 0; task < 40; task++) {
    for (let i = 0; i < 10; i++) {
      episodes.push({ task, side: 0, category: 0, correct: i < 5 });
      episodes.push({ task, side: 1, category: 0, correct: i < 5 });
    }
    if (task < rareTasks) for (let i = 0; i < rarePerTask; i++) {
      episodes.push({ task, side: 0, category: 1, correct: true });
      episodes.push({ task, side: 1, category: 1, correct: false });
    }
  }
  return buildPairTable(Array.from({ length: 40 }, (_, t) => `t${t}`), ['sequential', 'single-shot'], episodes);
}

describe('thin strategy cells and the terms that rest on them', () => {
  it('a cell is thin below the task or the episode threshold, in either policy', () => {
    const thresholds = { minTasks: 30, minEpisodes: 100 };
    // single-shot: 22 tasks × 3 episodes = 66 episodes per policy → thin on both counts
    expect(thinStrategies(table(22, 3), thresholds)).toEqual([false, true]);
    // 35 tasks × 3 = 105 episodes: enough
    expect(thinStrategies(table(35, 3), thresholds)).toEqual([false, false]);
    // 20 tasks × 10 = 200 episodes, but only 20 tasks
    expect(thinStrategies(table(20, 10), thresholds)).toEqual([false, true]);
    expect(thinStrategies(table(20, 10), { minTasks: 20, minEpisodes: 100 })).toEqual([false, false]);
  });

  it('a term rests on thin data when at least half of its absolute contributions are thin', () => {
    expect(restsOnThin([0.01, -0.03], [false, true])).toBe(true);
    expect(restsOnThin([0.03, 0.01], [false, true])).toBe(false);
    expect(restsOnThin([0.02, -0.02], [false, true])).toBe(true);
    expect(restsOnThin([0, 0], [true, true])).toBe(false);
  });

  it('flags the within term driven by 66 single-shot episodes in decomposition.csv', () => {
    const pair = table(22, 3);
    const bootstrap = { resamples: drawTaskResamples(40, 20, createRng(1)), level: 0.95 };
    const rows = decompositionRows('label', pair, { family: 'bridge', budget: 5, policy_a: 'sft', policy_b: 'base' }, bootstrap, { minTasks: 30, minEpisodes: 100 });
    const symmetric = rows.find((row) => row.variant === 'symmetric')!;
    // sequential is executed identically; single-shot (all correct for a, none for b) makes the whole within term
    expect(symmetric.within).toBeGreaterThan(0);
    expect(symmetric.thin).toBe('within');
    expect(symmetric.new_strategies).toBe('');
    expect(symmetric.lost_strategies).toBe('');
  });
});
