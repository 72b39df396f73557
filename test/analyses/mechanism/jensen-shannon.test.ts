import { describe, expect, it } from 'vitest';
import { jensenShannon } from '../../../analyses/mechanism/jensen-shannon';

function kl(p: number[], q: number[]): number {
  return p.reduce((sum, x, i) => (x > 0 ? sum + x * Math.log2(x / q[i]!) : sum), 0);
}

describe('jensenShannon', () => {
  it('is 0 for identical distributions (counts are normalized first)', () => {
    expect(jensenShannon([1, 2, 3], [2, 4, 6])).toBe(0);
  });
  it('is 1 bit for disjoint supports', () => {
    expect(jensenShannon([3, 0, 0], [0, 5, 1])).toBeCloseTo(1, 14);
  });
  it('equals ½KL(P‖M) + ½KL(Q‖M) (independent formula)', () => {
    const cases: [number[], number[]][] = [
      [[1, 0], [0.5, 0.5]],
      [[0.2, 0.5, 0.3], [0.1, 0.1, 0.8]],
      [[0.7, 0.1, 0.1, 0.1], [0.25, 0.25, 0.25, 0.25]],
    ];
    for (const [p, q] of cases) {
      const m = p.map((x, i) => (x + q[i]!) / 2);
      expect(jensenShannon(p, q)).toBeCloseTo(0.5 * kl(p, m) + 0.5 * kl(q, m), 13);
    }
    // scipy.spatial.distance.jensenshannon(..., base=2) ** 2
    expect(jensenShannon([0.2, 0.5, 0.3], [0.1, 0.1, 0.8])).toBeCloseTo(0.20230588325498025, 13);
  });
  it('is symmetric', () => {
    expect(jensenShannon([1, 4, 0, 2], [3, 1, 1, 0])).toBeCloseTo(jensenShannon([3, 1, 1, 0], [1, 4, 0, 2]), 15);
  });
  it('rejects empty distributions and mismatched lengths', () => {
    expect(() => jensenShannon([0, 0], [1, 1])).toThrow(RangeError);
    expect(() => jensenShannon([1], [1, 1])).toThrow(RangeError);
  });
});
