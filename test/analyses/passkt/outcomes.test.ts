import { describe, expect, it } from 'vitest';
import { OutcomeCollector, type EpisodeOutcome, type Outcome } from '../../../analyses/passkt/outcomes';

const episode = (policy: string, task: string, budget: number | null, rounds: number | null, correct: boolean, family = 'bridge'): EpisodeOutcome => ({ policy, task, family, budget, rounds, correct });

function find(outcomes: Outcome[], policy: string, task: string, budget: number | 'all'): Outcome | undefined {
  return outcomes.find((row) => row.policy === policy && row.task === task && row.budget === budget);
}

describe('OutcomeCollector', () => {
  it('counts capped episodes at their own budget and takes the grid from them', () => {
    const collector = new OutcomeCollector();
    for (const [budget, correct] of [[0, false], [0, true], [2, true], [2, true], [2, false]] as const) collector.add(episode('base', 't1', budget, 1, correct));
    const { outcomes, report } = collector.finish();
    expect(report.grid).toEqual([0, 2]);
    expect(report.gridSource).toBe('capped episodes');
    expect(find(outcomes, 'base', 't1', 0)).toMatchObject({ n: 2, c: 1, mode: 'capped' });
    expect(find(outcomes, 'base', 't1', 2)).toMatchObject({ n: 3, c: 2, mode: 'capped' });
    expect(find(outcomes, 'base', 't1', 'all')).toBeUndefined();
    expect(report).toMatchObject({ pairsCapped: 1, pairsThresholded: 0, pairsMixed: 0, episodes: 5 });
  });

  it('thresholds uncapped episodes: success at T iff correct and rounds <= T; `all` counts every correct one', () => {
    const collector = new OutcomeCollector();
    const rounds = [0, 1, 1, 3, 4, 7];
    const correct = [true, true, false, true, true, true];
    rounds.forEach((r, i) => collector.add(episode('rl', 't1', null, r, correct[i] as boolean)));
    const { outcomes, report } = collector.finish();
    expect(report.grid).toEqual([0, 1, 2, 3, 5]);
    expect(report.gridSource).toBe('default');
    const expected: Record<string, number> = { 0: 1, 1: 2, 2: 2, 3: 3, 5: 4 };
    for (const [budget, c] of Object.entries(expected)) expect(find(outcomes, 'rl', 't1', Number(budget))).toMatchObject({ n: 6, c, mode: 'thresholded' });
    expect(find(outcomes, 'rl', 't1', 'all')).toMatchObject({ n: 6, c: 5, mode: 'thresholded' });
  });

  it('counts a correct episode of unknown length (no trace) as a success in `all` only, and reports it', () => {
    const collector = new OutcomeCollector();
    collector.add(episode('rl', 't1', null, 1, true));
    collector.add(episode('rl', 't1', null, null, true));
    collector.add(episode('rl', 't1', null, null, false));
    collector.add(episode('rl', 't2', 3, null, true));
    const { outcomes, report } = collector.finish([1, 3]);
    expect(find(outcomes, 'rl', 't1', 1)).toMatchObject({ n: 3, c: 1, mode: 'thresholded' });
    expect(find(outcomes, 'rl', 't1', 3)).toMatchObject({ n: 3, c: 1 });
    expect(find(outcomes, 'rl', 't1', 'all')).toMatchObject({ n: 3, c: 2 });
    // A capped episode ran under its own budget: its length does not matter.
    expect(find(outcomes, 'rl', 't2', 3)).toMatchObject({ n: 1, c: 1, mode: 'capped' });
    expect(report.correctRoundsUnknown).toBe(1);
  });

  it('uses the budgets parameter as the grid and reports capped episodes outside it', () => {
    const collector = new OutcomeCollector();
    collector.add(episode('base', 't1', 1, 1, true));
    collector.add(episode('base', 't1', 4, 1, true));
    collector.add(episode('rl', 't1', null, 2, true));
    const { outcomes, report } = collector.finish([4, 1, 2]);
    expect(report.grid).toEqual([1, 2, 4]);
    expect(report.gridSource).toBe('parameter');
    expect(find(outcomes, 'base', 't1', 4)).toMatchObject({ n: 1, c: 1 });
    expect(find(outcomes, 'rl', 't1', 1)).toMatchObject({ n: 1, c: 0 });
    expect(find(outcomes, 'rl', 't1', 2)).toMatchObject({ n: 1, c: 1 });
    const outside = new OutcomeCollector();
    outside.add(episode('base', 't1', 7, 1, true));
    outside.add(episode('base', 't1', 1, 1, true));
    const result = outside.finish([1]);
    expect(result.report.episodesOutsideGrid).toBe(1);
    expect(result.outcomes).toHaveLength(1);
  });

  it('handles mixed input per (policy, task): capped episodes at their T, uncapped ones only in `all`', () => {
    const collector = new OutcomeCollector();
    collector.add(episode('base', 't1', 1, 1, true));
    collector.add(episode('base', 't1', null, 0, true));
    collector.add(episode('base', 't1', null, 9, false));
    collector.add(episode('base', 't2', null, 0, true));
    const { outcomes, report } = collector.finish();
    expect(report).toMatchObject({ pairsCapped: 1, pairsThresholded: 1, pairsMixed: 1, uncappedOfMixedPairs: 2 });
    expect(find(outcomes, 'base', 't1', 1)).toMatchObject({ n: 1, c: 1, mode: 'capped' });
    expect(find(outcomes, 'base', 't1', 'all')).toMatchObject({ n: 2, c: 1, mode: 'thresholded' });
    expect(find(outcomes, 'base', 't2', 1)).toMatchObject({ n: 1, c: 1, mode: 'thresholded' });
    // every outcome is in (policy, family, task, budget) order
    const keys = outcomes.map((row) => `${row.policy}|${row.family}|${row.task}|${row.budget === 'all' ? 'z' : row.budget}`);
    expect(keys).toEqual([...keys].sort());
  });
});
