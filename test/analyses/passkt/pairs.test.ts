import { describe, expect, it } from 'vitest';
import { policyPairs } from '../../../analyses/passkt/pairs';

describe('policyPairs', () => {
  it('puts every other policy against the base (a = other), then the remaining pairs once in name order', () => {
    expect(policyPairs(['sft', 'base', 'rl', 'rl'], 'base')).toEqual([
      { a: 'rl', b: 'base' },
      { a: 'sft', b: 'base' },
      { a: 'rl', b: 'sft' },
    ]);
  });

  it('compares every pair once when the base policy is absent, and nothing with one policy', () => {
    expect(policyPairs(['c', 'a', 'b'], 'base')).toEqual([
      { a: 'a', b: 'b' },
      { a: 'a', b: 'c' },
      { a: 'b', b: 'c' },
    ]);
    expect(policyPairs(['base'], 'base')).toEqual([]);
    expect(policyPairs(['rl', 'base'], 'rl')).toEqual([{ a: 'base', b: 'rl' }]);
  });
});
