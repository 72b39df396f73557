import { describe, expect, it } from 'vitest';
import { crossoverK } from '../../../analyses/passkt/crossover';

describe('crossover k', () => {
  it('is the smallest k from which a stays at or above b', () => {
    // the study's bridge picture: RL below base at k = 1, 2; at or above from k = 4
    expect(crossoverK([-0.028, -0.01, -0.001, 0, 0.01, 0.02, 0.03, 0.04])).toEqual({ k: 4, status: 'crosses' });
    expect(crossoverK([0.01, 0.02, 0.0])).toEqual({ k: 1, status: 'always' });
    expect(crossoverK([0.01, 0.02, -0.01])).toEqual({ k: null, status: 'never' });
    // dipping below again later moves the crossover past the last dip
    expect(crossoverK([-0.1, 0.1, -0.05, 0.1, 0.2])).toEqual({ k: 4, status: 'crosses' });
  });

  it('treats differences within rounding of zero as ties', () => {
    expect(crossoverK([-1e-15, 0.2])).toEqual({ k: 1, status: 'always' });
    expect(crossoverK([-1e-9, 0.2])).toEqual({ k: 2, status: 'crosses' });
  });
});
