import { describe, expect, it } from 'vitest';
import { compareHeadlines } from '../../../analyses/mechanism/headline';
import { compareFrequenciesTable } from '../../../pipeline/tables/compare-frequencies';
import { decompositionTable } from '../../../pipeline/tables/decomposition';
import { retrievalDecompositionTable } from '../../../pipeline/tables/retrieval-decomposition';
import { tableRow } from '../../helpers/table-rows';

const key = { family: 'bridge', budget: '5', policy_a: 'sft', policy_b: 'base' };

function decomposition(variant: string, values: Record<string, string>) {
  return tableRow(decompositionTable, { scheme: 'label', ...key, variant, ...values });
}

function retrieval(values: Record<string, string>) {
  return tableRow(retrievalDecompositionTable, { ...key, label: 'all', definition: 'gold_docs', ...values });
}

function frequency(values: Record<string, string>) {
  return tableRow(compareFrequenciesTable, { scheme: 'label', ...key, support: 'both', ...values });
}

describe('compare headlines', () => {
  const terms = {
    total: '-0.15', reweighting: '-0.027', reweighting_lo: '-0.09', reweighting_hi: '0.03',
    within: '-0.087', within_lo: '-0.12', within_hi: '-0.05', support: '-0.036', support_lo: '-0.05', support_hi: '-0.02',
    lost_strategies: 'exhausted;reformulate;verify', lost_share: '0.268', new_share: '0',
  };
  const tables = {
    decomposition: [decomposition('a_ref', { ...terms, reweighting: '-0.001' }), decomposition('b_ref', { ...terms, reweighting: '-0.053' }), decomposition('symmetric', { ...terms, thin: 'within' })],
    retrieval: [
      retrieval({
        total: '-0.15', retrieval: '0.009', retrieval_lo: '-0.027', retrieval_hi: '0.046', integration: '-0.16', integration_lo: '-0.211', integration_hi: '-0.112',
        integration_retrieved: '-0.1', integration_retrieved_lo: '-0.13', integration_retrieved_hi: '-0.07', integration_missed: '-0.06', integration_missed_lo: '-0.08', integration_missed_hi: '-0.04',
      }),
    ],
    frequencies: [
      frequency({ strategy: 'verify', support: 'lost', chi2: '1234.5', df: '4', design_effect: '2.5', chi2_rs: '493.8', p_value: '1e-100', p_naive: '0', jsd: '0.02', cramers_v: '0.1' }),
      frequency({ strategy: 'parallel', support: 'gained', chi2: '1234.5', df: '4', design_effect: '2.5', chi2_rs: '493.8', p_value: '1e-100', p_naive: '0', jsd: '0.02', cramers_v: '0.1' }),
    ],
  };

  it('prints the symmetric decomposition per family, T and policy, a − b, with new / lost, thin terms and integration split', () => {
    const lines = compareHeadlines(tables, { thin: { minTasks: 30, minEpisodes: 100 } });
    expect(lines[0]).toBe(
      'strategy scheme: label; accuracy of a − b = symmetric (Shapley) shift-share; intervals: task-clustered bootstrap; ' +
        '(thin): the term rests on strategy cells with fewer than 30 tasks or 100 episodes',
    );
    expect(lines[1]).toBe(
      'bridge, T=5: sft vs base accuracy -0.150 = reweighting -0.027 [-0.090, +0.030] + within-strategy -0.087 [-0.120, -0.050] (thin)' +
        " + new/lost -0.036 [-0.050, -0.020] (lost by sft: exhausted, reformulate, verify (26.8% of base's episodes))" +
        '; retrieval +0.009 [-0.027, +0.046], integration -0.160 [-0.211, -0.112] (with the evidence -0.100 [-0.130, -0.070], without -0.060 [-0.080, -0.040])',
    );
    expect(lines[2]).toMatch(/^ {4}base as reference \(b_ref\): reweighting -0\.053/);
    expect(lines[3]).toMatch(/^ {4}sft as reference \(a_ref\): reweighting -0\.001/);
    // the reported p is Rao–Scott's; a naive p that underflowed to 0 prints as < 1e-300
    expect(lines[4]).toBe('    strategies: chi2 1234.5 (df 4), Rao–Scott p 1.0e-100 (design effect 2.50; naive p < 1e-300), JSD 0.020, V 0.100; new in sft: parallel; lost: verify');
  });

  it('says so when nothing was compared', () => {
    expect(compareHeadlines({ decomposition: [], retrieval: [], frequencies: [] })).toEqual(['no comparisons (is the base policy in the data?)']);
  });

  it('still prints the retrieval decomposition without strategies', () => {
    const lines = compareHeadlines({ decomposition: [], retrieval: tables.retrieval, frequencies: [] });
    expect(lines[0]).toBe('no strategy labels or clusters in this run; intervals: task-clustered bootstrap');
    expect(lines[1]).toMatch(/^bridge, T=5: sft vs base accuracy -0\.150; retrieval \+0\.009/);
  });

  it('short form: the largest budget of each family, no detail lines', () => {
    const row = (budget: string, family = 'bridge') => tableRow(decompositionTable, { scheme: 'label', ...key, family, budget, variant: 'symmetric', total: '0.1' });
    const lines = compareHeadlines(
      { decomposition: [row('1'), row('5'), row('3'), row('all', 'trivia'), row('2', 'trivia')], retrieval: [], frequencies: [] },
      { largestBudgetOnly: true, details: false },
    );
    expect(lines.slice(1).map((l) => l.split(':')[0])).toEqual(['bridge, T=5', 'trivia, uncapped']);
  });
});
