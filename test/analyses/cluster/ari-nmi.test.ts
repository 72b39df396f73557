import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../../analyses/cluster/ari';
import { contingency } from '../../../analyses/cluster/contingency';
import { normalizedMutualInformation } from '../../../analyses/cluster/nmi';
import { createRng } from '../../../analyses/random/rng';

// ARI by counting item pairs directly (Hubert & Arabie), independent of the contingency-table formula.
function ariBrute(a: number[], b: number[]): number {
  let both = 0;
  let onlyA = 0;
  let onlyB = 0;
  let pairs = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      const sameA = a[i] === a[j];
      const sameB = b[i] === b[j];
      pairs += 1;
      if (sameA && sameB) both += 1;
      if (sameA) onlyA += 1;
      if (sameB) onlyB += 1;
    }
  }
  const expected = (onlyA * onlyB) / pairs;
  return (both - expected) / ((onlyA + onlyB) / 2 - expected);
}

// NMI from entropies computed over the raw labels.
function nmiBrute(a: number[], b: number[]): number {
  const n = a.length;
  const h = (xs: string[]) => {
    const counts = new Map<string, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    return -[...counts.values()].reduce((s, c) => s + (c / n) * Math.log(c / n), 0);
  };
  const ha = h(a.map(String));
  const hb = h(b.map(String));
  const hab = h(a.map((x, i) => `${x}|${b[i]}`));
  return (ha + hb - hab) / ((ha + hb) / 2);
}

describe('adjusted Rand index and NMI', () => {
  it('are 1 for identical partitions under any renaming', () => {
    const a = [0, 0, 1, 1, 2, 2];
    const b = [5, 5, 3, 3, 9, 9];
    expect(adjustedRandIndex(contingency(a, b))).toBeCloseTo(1, 12);
    expect(normalizedMutualInformation(contingency(a, b))).toBeCloseTo(1, 12);
  });

  it('reproduce known values (scikit-learn documentation examples)', () => {
    // sklearn: adjusted_rand_score([0, 0, 1, 2], [0, 0, 1, 1]) == 0.5714285714285715
    expect(adjustedRandIndex(contingency([0, 0, 1, 2], [0, 0, 1, 1]))).toBeCloseTo(0.5714285714285715, 12);
    // sklearn: adjusted_rand_score([0, 0, 1, 1], [0, 1, 0, 1]) == -0.5
    expect(adjustedRandIndex(contingency([0, 0, 1, 1], [0, 1, 0, 1]))).toBeCloseTo(-0.5, 12);
    // Independent halves carry no information.
    expect(normalizedMutualInformation(contingency([0, 0, 1, 1], [0, 1, 0, 1]))).toBeCloseTo(0, 12);
  });

  it('match brute-force pair counting and entropy computations on random labelings', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 6; trial++) {
      const n = 40 + 10 * trial;
      const a = Array.from({ length: n }, () => rng.int(3 + (trial % 3)));
      const b = a.map((x) => (rng.next() < 0.6 ? x : rng.int(4)));
      expect(adjustedRandIndex(contingency(a, b))).toBeCloseTo(ariBrute(a, b), 10);
      expect(normalizedMutualInformation(contingency(a, b))).toBeCloseTo(nmiBrute(a, b), 10);
    }
  });

  it('builds contingency tables with clusters in numeric order and labels alphabetically', () => {
    const table = contingency([10, 2, 2], ['b', 'a', 'b']);
    expect(table).toEqual({ rows: ['2', '10'], columns: ['a', 'b'], counts: [[1, 1], [0, 1]], total: 3 });
    expect(() => contingency([1], [1, 2])).toThrow(/differ in length/);
  });
});
