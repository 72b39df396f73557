import { describe, expect, it } from 'vitest';
import { boundaryAtN } from '../../../reports/figures/boundary';
import { pairMarginals } from '../../../reports/figures/marginal-values';
import { budgetFigureKs } from '../../../reports/figures/pass-vs-budget';
import { twoByTwo } from '../../../reports/figures/retrieval-accuracy';
import { strategyStats } from '../../../reports/figures/strategy-stats';
import { compareFrequenciesTable } from '../../../pipeline/tables/compare-frequencies';
import { marginalTable } from '../../../pipeline/tables/marginal';
import { retrievalTable } from '../../../pipeline/tables/retrieval';
import { tableRow } from '../../helpers/table-rows';

describe('retrieval 2 × 2', () => {
  it('splits episodes into four shares that add up to 1 and reproduce the accuracy', () => {
    const row = tableRow(retrievalTable, { policy: 'rl', family: 'bridge', budget: 5, episodes: 200, retrieval_rate: 0.6 * 1, accuracy: 0.6 * 0.8 + 0.4 * 0.25, acc_given_retrieved: 0.8, acc_given_missed: 0.25, definition: 'gold_docs' });
    const [rc, rw, mc, mw] = twoByTwo(row);
    expect(rc! + rw! + mc! + mw!).toBeCloseTo(1, 12);
    expect(rc! + mc!).toBeCloseTo(row.accuracy, 12);
    expect(rc! + rw!).toBeCloseTo(0.6, 12);
  });

  it('treats an undefined conditional (no episode on that side) as zero episodes', () => {
    const [rc, rw, mc, mw] = twoByTwo(tableRow(retrievalTable, { policy: 'p', family: 'f', budget: 0, episodes: 10, retrieval_rate: 0, accuracy: 0.3, acc_given_retrieved: null, acc_given_missed: 0.3, definition: 'gold_docs' }));
    expect([rc, rw]).toEqual([0, 0]);
    expect(mc! + mw!).toBeCloseTo(1, 12);
  });
});

describe('marginal pairs', () => {
  it('joins Δk and ΔT of the same (policy, family, k, T), k a power of two', () => {
    const m = (kind: 'k' | 'T', kFrom: number, kTo: number, bFrom: number, bTo: number, delta: number) =>
      tableRow(marginalTable, { policy: 'rl', family: 'bridge', kind, k_from: kFrom, k_to: kTo, budget_from: bFrom, budget_to: bTo, delta, mode: 'capped', tasks: 10 });
    const points = pairMarginals([m('k', 2, 4, 3, 3, 0.1), m('T', 2, 2, 3, 5, 0.2), m('k', 3, 6, 3, 3, 0.5), m('T', 3, 3, 3, 5, 0.5), m('k', 4, 8, 5, 5, 0.05)]);
    expect(points).toEqual([{ policy: 'rl', family: 'bridge', k: 2, T: 3, T_next: 5, dk: 0.1, dt: 0.2 }]);
  });
});

describe('small selections', () => {
  it('picks k = 1, about √n and n for the budget figure', () => {
    expect(budgetFigureKs(64)).toEqual([1, 8, 64]);
    expect(budgetFigureKs(16)).toEqual([1, 4, 16]);
    expect(budgetFigureKs(1)).toEqual([1]);
  });

  it('takes the boundary at the largest k of the headline budget', () => {
    const b = (budget: number, k: number) => ({ family: 'f', budget, policy_a: 'a', policy_b: 'b', k, only_a: k, only_b: 0, both: 0, neither: 0, p_value: 1, p_holm: 1, q_bh: 1 });
    expect(boundaryAtN([b(5, 8), b(5, 64), b(3, 128)]).map((r) => [r.budget, r.k])).toEqual([[5, 64]]);
  });

  it('reads each policy’s strategy share once from pairwise comparison rows', () => {
    const f = (a: string, b: string, shareA: number, shareB: number) =>
      tableRow(compareFrequenciesTable, {
        scheme: 'label', family: 'bridge', budget: 5, policy_a: a, policy_b: b, strategy: 'sequential', support: 'both', count_a: 1, count_b: 1,
        share_a: shareA, share_b: shareB, acc_a: 0.5, acc_b: 0.6,
      });
    // policy_a is the compared policy, policy_b the base policy
    const stats = strategyStats([f('rl', 'base', 0.4, 0.1), f('sft', 'base', 0.05, 0.1), { ...f('rl', 'base', 0.9, 0.9), scheme: 'cluster' }]);
    expect(stats.map((s) => [s.policy, s.share])).toEqual([['base', 0.1], ['rl', 0.4], ['sft', 0.05]]);
  });
});
