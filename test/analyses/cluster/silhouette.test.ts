import { describe, expect, it } from 'vitest';
import { silhouette } from '../../../analyses/cluster/silhouette';
import { createRng } from '../../../analyses/random/rng';

// The textbook definition, point by point, with an explicit distance function and no shared sums.
function silhouetteBrute(data: number[][], labels: number[]): number {
  const dist = (a: number[], b: number[]) => Math.hypot(...a.map((x, i) => x - b[i]!));
  const clusters = [...new Set(labels)];
  const scores = data.map((x, i) => {
    const own = labels[i]!;
    const mates = data.filter((_, j) => j !== i && labels[j] === own);
    if (mates.length === 0) return 0;
    const a = mates.reduce((s, y) => s + dist(x, y), 0) / mates.length;
    const b = Math.min(
      ...clusters
        .filter((c) => c !== own)
        .map((c) => {
          const members = data.filter((_, j) => labels[j] === c);
          return members.reduce((s, y) => s + dist(x, y), 0) / members.length;
        }),
    );
    return (b - a) / Math.max(a, b);
  });
  return scores.reduce((s, v) => s + v, 0) / scores.length;
}

describe('silhouette', () => {
  it('matches a hand computation on four points on a line', () => {
    // Points 0, 1 (cluster 0) and 4, 5 (cluster 1): s(0) = (4.5-1)/4.5, s(1) = (3.5-1)/3.5, symmetric.
    const expected = ((4.5 - 1) / 4.5 + (3.5 - 1) / 3.5) / 2;
    expect(silhouette([[0], [1], [4], [5]], [0, 0, 1, 1])).toBeCloseTo(expected, 12);
  });

  it('matches the brute-force definition on random data with random labels, singletons included', () => {
    const rng = createRng(42);
    for (let trial = 0; trial < 5; trial++) {
      const n = 30 + trial * 7;
      const k = 2 + trial;
      const data = Array.from({ length: n }, () => [rng.next() * 10, rng.next() * 10, rng.next()]);
      const labels = Array.from({ length: n }, (_, i) => (i < k ? i : rng.int(k)));
      labels[n - 1] = k; // a singleton cluster scores 0
      expect(silhouette(data, labels)).toBeCloseTo(silhouetteBrute(data, labels), 10);
    }
  });

  it('is NaN for a single cluster', () => {
    expect(Number.isNaN(silhouette([[0], [1]], [0, 0]))).toBe(true);
  });
});
