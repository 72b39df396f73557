import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../../pipeline/environment/tasks/sim-task';
import { simulateEpisodes } from '../../../pipeline/simulate/simulate-episodes';
import { StrategyTally } from '../../../pipeline/simulate/strategy-tally';
import { config, smallSetup } from './small-setup';

// 20 tasks × 48 samples = 960 episodes per (policy, family) at T = 5.
const setup = smallSetup(20, { grid: { budgets: [0, 5], samples: 48 } });
const familyOf = new Map(setup.tasks.map((t) => [t.row.task, t.row.family]));
const tally = new StrategyTally();
for (const t of simulateEpisodes(setup)) tally.add(t.policy, familyOf.get(t.task)!, t.budget!, t.meta);

describe('planted strategy frequencies', () => {
  it('draws planned strategies within sampling error of each policy\'s mixture', () => {
    for (const [policy, params] of Object.entries(config.policies)) {
      for (const family of FAMILIES) {
        const weights = params.mixture[family];
        const total = Object.values(weights).reduce((a, b) => a + b, 0);
        const cell = tally.counts[policy]![family]!['5']!;
        for (const [strategy, weight] of Object.entries(weights)) {
          const p = weight / total;
          const observed = (cell.planned[strategy] ?? 0) / cell.episodes;
          const sigma = Math.sqrt((p * (1 - p)) / cell.episodes);
          expect(Math.abs(observed - p), `${policy} ${family} ${strategy}`).toBeLessThanOrEqual(4.5 * sigma + 1e-12);
        }
      }
    }
  });

  it('keeps planned no-search and never stops unanswered when the budget fits every plan', () => {
    for (const policy of Object.keys(config.policies)) {
      for (const family of FAMILIES) {
        const cell = tally.counts[policy]![family]!['5']!;
        expect(cell.true['no-search'] ?? 0).toBe(cell.planned['no-search'] ?? 0);
        expect(cell.true.exhausted ?? 0).toBe(0);
      }
    }
  });

  it('turns every plan into no-search or exhausted at T = 0', () => {
    for (const families of Object.values(tally.counts)) {
      for (const budgets of Object.values(families)) {
        const labels = Object.keys(budgets['0']!.true);
        expect(labels.every((label) => label === 'no-search' || label === 'exhausted')).toBe(true);
      }
    }
  });

  it('reports shares that add up to one', () => {
    for (const families of Object.values(tally.shares())) {
      for (const budgets of Object.values(families)) {
        for (const cell of Object.values(budgets)) {
          expect(Object.values(cell.true).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          expect(Object.values(cell.planned).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        }
      }
    }
  });
});
