import { describe, expect, it } from 'vitest';
import { interval, percent, prob, pValue, signed } from '../../../reports/data/format';
import { budgetLabel, headlineBudget, headlineBudgets, orderFamilies } from '../../../reports/data/select';
import { kTicks } from '../../../reports/theme/axes';
import { orderPolicies, policyColorScale } from '../../../reports/theme/colors';

describe('number formatting', () => {
  it('writes probabilities in the study’s style', () => {
    expect(prob(0.363)).toBe('.363');
    expect(prob(1)).toBe('1.000');
    expect(prob(-0.0421)).toBe('−.042');
    expect(prob(-0.0001)).toBe('.000');
    expect(signed(0.04)).toBe('+.040');
    expect(signed(-0.028)).toBe('−.028');
    expect(interval(0.3, 0.42)).toBe('[.300, .420]');
    expect(pValue(0.0004)).toBe('p < .001');
    expect(pValue(0.21875)).toBe('p = .22');
    expect(pValue(0.0043)).toBe('p = .004');
    expect(percent(0.355)).toBe('36%');
  });
});

describe('selections', () => {
  it('picks the largest integer budget, else all', () => {
    expect(headlineBudget([0, 5, 3, 'all'])).toBe(5);
    expect(headlineBudget(['all'])).toBe('all');
    expect(headlineBudget([])).toBeNull();
    expect(headlineBudgets([{ family: 'a', budget: 2 }, { family: 'b', budget: 'all' }, { family: 'a', budget: 1 }])).toEqual(new Map<string, number | 'all'>([['a', 2], ['b', 'all']]));
    expect(budgetLabel(5)).toBe('T = 5');
    expect(budgetLabel('all')).toBe('no cap');
  });

  it('orders families and policies canonically and pins policy colours', () => {
    expect(orderFamilies(['zeta', 'comparison', 'bridge', 'alpha'])).toEqual(['bridge', 'comparison', 'alpha', 'zeta']);
    expect(orderPolicies(['sft', 'ckpt-2', 'rl', 'base', 'rl'])).toEqual(['base', 'rl', 'sft', 'ckpt-2']);
    const scale = policyColorScale(['base', 'rl']);
    expect(scale.range[0]).not.toBe(scale.range[1]);
  });

  it('shows powers of two and n on the k axis', () => {
    expect(kTicks(64)).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(kTicks(50)).toEqual([1, 2, 4, 8, 16, 32, 50]);
    expect(kTicks(1)).toEqual([1]);
  });
});
