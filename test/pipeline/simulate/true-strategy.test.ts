import { describe, expect, it } from 'vitest';
import type { QueryRecord } from '../../../pipeline/simulate/episode-recorder';
import { trueStrategy } from '../../../pipeline/simulate/true-strategy';

const q = (covers: number[], extra: Partial<QueryRecord> = {}): QueryRecord => ({ query: 'q', round: 1, fromResult: false, candidate: null, covers, ...extra });

describe('trueStrategy', () => {
  it('applies the taxonomy in its precedence order', () => {
    expect(trueStrategy([q([0])], null)).toBe('exhausted');
    expect(trueStrategy([], null)).toBe('exhausted');
    expect(trueStrategy([], 'Velorian')).toBe('no-search');
    expect(trueStrategy([q([0]), q([], { fromResult: true }), q([], { fromResult: true, candidate: 'Velorian' })], 'velorian')).toBe('verify');
    expect(trueStrategy([q([0]), q([], { fromResult: true }), q([], { fromResult: true, candidate: 'Velorian' })], 'Ostrian')).toBe('sequential');
    expect(trueStrategy([q([0]), q([1])], 'A')).toBe('parallel');
    expect(trueStrategy([q([0, 1]), q([0])], 'A')).toBe('reformulate');
    expect(trueStrategy([q([0]), q([0])], 'A')).toBe('reformulate');
    expect(trueStrategy([q([])], 'A')).toBe('single-shot');
  });

  it('lets a bridge from the results outrank entity coverage', () => {
    expect(trueStrategy([q([0]), q([1], { fromResult: true })], 'A')).toBe('sequential');
  });
});
