import { describe, expect, it } from 'vitest';
import { compactCount, fixed, percent, prob, probInterval, pValueProse, pValueText, signed, signedProb } from '../../../analyses/stats/format';

describe('number formatting', () => {
  it('writes probabilities in the study’s style', () => {
    expect(prob(0.363)).toBe('.363');
    expect(prob(1)).toBe('1.000');
    expect(prob(-0.0421)).toBe('−.042');
    expect(prob(-0.0001)).toBe('.000');
    expect(signedProb(0.04)).toBe('+.040');
    expect(signedProb(-0.028)).toBe('−.028');
    expect(probInterval(0.3, 0.42)).toBe('[.300, .420]');
    expect(pValueProse(0.0004)).toBe('p < .001');
    expect(pValueProse(0.21875)).toBe('p = .22');
    expect(pValueProse(0.0043)).toBe('p = .004');
    expect(percent(0.355, 0)).toBe('36%');
    expect(percent(0.355)).toBe('35.5%');
    expect(percent(NaN)).toBe('n/a');
  });
});

describe('console formatting', () => {
  it('writes fixed and signed numbers, never a negative zero, and n/a when undefined', () => {
    expect(fixed(0.3625)).toBe('0.362');
    expect(fixed(0.5, 2)).toBe('0.50');
    expect(fixed(null)).toBe('n/a');
    expect(signed(0.0345)).toBe('+0.035');
    expect(signed(-0.0004)).toBe('+0.000');
    expect(signed(-0.25)).toBe('-0.250');
    expect(signed(NaN)).toBe('n/a');
  });

  it('writes p-values, including ones that underflow', () => {
    expect(pValueText(0.039)).toBe('0.039');
    expect(pValueText(5.7e-6)).toBe('5.7e-6');
    expect(pValueText(0)).toBe('< 1e-300');
  });

  it('writes counts that fit a table cell', () => {
    expect([980, 9_870, 10_000, 116_670, 999_499, 999_500, 1_234_567].map(compactCount)).toEqual(['980', '9,870', '10k', '117k', '999k', '1.0M', '1.2M']);
  });
});
