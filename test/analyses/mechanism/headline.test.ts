import { describe, expect, it } from 'vitest';
import { compareHeadlines } from '../../../analyses/mechanism/headline';
import { compareFrequenciesTable } from '../../../pipeline/tables/compare-frequencies';
import { decompositionTable } from '../../../pipeline/tables/decomposition';
import { retrievalDecompositionTable } from '../../../pipeline/tables/retrieval-decomposition';
import { tableRow } from '../../helpers/table-rows';

const key = { family: 'bridge', budget: '5', policy_a: 'base', policy_b: 'rl' };

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
  it('prints the headline per family, T and policy', () => {
    const terms = {
      total: '0.04', reweighting: '0.01', reweighting_lo: '-0.01', reweighting_hi: '0.03',
      within: '0.025', within_lo: '0.005', within_hi: '0.045', support: '0.005', support_lo: '0', support_hi: '0.01',
    };
    const lines = compareHeadlines({
      decomposition: [decomposition('a_ref', terms), decomposition('symmetric', { ...terms, reweighting: '0.012' })],
      retrieval: [retrieval({ retrieval: '0.03', retrieval_lo: '0.01', retrieval_hi: '0.05', integration: '0.01', integration_lo: '-0.02', integration_hi: '0.04' })],
      frequencies: [
        frequency({ strategy: 'verify', support: 'gained', chi2: '12.3', df: '4', p_value: '0.015', jsd: '0.02', cramers_v: '0.1' }),
        frequency({ strategy: 'parallel', support: 'lost', chi2: '12.3', df: '4', p_value: '0.015', jsd: '0.02', cramers_v: '0.1' }),
      ],
    });
    expect(lines[1]).toBe(
      'bridge, T=5: rl vs base accuracy +0.040 = reweighting +0.010 [-0.010, +0.030] + within-strategy +0.025 [+0.005, +0.045]' +
        ' + new +0.005 [+0.000, +0.010]; retrieval +0.030 [+0.010, +0.050], integration +0.010 [-0.020, +0.040]',
    );
    expect(lines[2]).toMatch(/^ {4}symmetric: reweighting \+0\.012/);
    expect(lines[3]).toBe('    strategies: chi2 12.3 (df 4), p 0.0150, JSD 0.020, V 0.100; gained: verify; lost: parallel');
  });

  it('says so when nothing was compared', () => {
    expect(compareHeadlines({ decomposition: [], retrieval: [], frequencies: [] })).toEqual(['no comparisons (is the base policy in the data?)']);
  });
});

describe('compare headlines without strategies', () => {
  it('still prints the retrieval decomposition', () => {
    const lines = compareHeadlines({
      decomposition: [],
      retrieval: [retrieval({ total: '-0.02', retrieval: '0.01', retrieval_lo: '0', retrieval_hi: '0.02', integration: '-0.03', integration_lo: '-0.05', integration_hi: '-0.01' })],
      frequencies: [],
    });
    expect(lines).toEqual([
      'no strategy labels or clusters in this run; intervals: task-clustered bootstrap',
      'bridge, T=5: rl vs base accuracy -0.020; retrieval +0.010 [+0.000, +0.020], integration -0.030 [-0.050, -0.010]',
    ]);
  });
});

describe('compare headlines, short form', () => {
  it('keeps the largest budget of each family and drops detail lines', () => {
    const row = (budget: string, family = 'bridge') => tableRow(decompositionTable, { scheme: 'label', ...key, family, budget, variant: 'a_ref', total: '0.1' });
    const lines = compareHeadlines(
      { decomposition: [row('1'), row('5'), row('3'), row('all', 'trivia'), row('2', 'trivia')], retrieval: [], frequencies: [] },
      { largestBudgetOnly: true, details: false },
    );
    expect(lines.slice(1).map((l) => l.split(':')[0])).toEqual(['bridge, T=5', 'trivia, uncapped']);
  });
});
