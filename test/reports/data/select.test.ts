import { describe, expect, it } from 'vitest';
import { budgetLabel, headlineBudgets, orderFamilies } from '../../../reports/data/select';
import { kTicks } from '../../../reports/theme/axes';
import { orderPolicies, policyColorScale } from '../../../reports/theme/colors';
import { headlineBudget } from '../../../analyses/budget';

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
    // By code point, as every stage prints them, so console and page agree.
    expect(orderFamilies(['zeta', 'comparison', 'closed-book', 'bridge', 'alpha', 'bridge'])).toEqual(['alpha', 'bridge', 'closed-book', 'comparison', 'zeta']);
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
