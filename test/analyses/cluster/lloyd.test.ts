import { kmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import { lloyd } from '../../../analyses/cluster/lloyd';
import { createRng } from '../../../analyses/random/rng';

// Blobs with noise, duplicated points and a constant column: what standardized behaviour vectors look like.
function data(n: number, dims: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const blob = i % 4;
    return Array.from({ length: dims }, (_, d) => (d === dims - 1 ? 0.5 : blob * (d % 3) + (i % 7 === 0 ? 0 : rng.next() - 0.5)));
  });
}

describe('lloyd', () => {
  it('gives exactly the centroids of ml-kmeans (k-means++, same seed), to the last bit', () => {
    for (const [n, dims, seed] of [[300, 6, 1], [800, 12, 2], [57, 3, 3]] as const) {
      const points = data(n, dims, seed);
      for (const k of [1, 2, 3, 5, 9]) {
        for (const restartSeed of [1, 12345, 2 ** 31 - 3]) {
          const library = kmeans(points, k, { seed: restartSeed, initialization: 'kmeans++', maxIterations: 100 }).centroids;
          expect(lloyd(points, k, restartSeed, 100), `n=${n} k=${k} seed=${restartSeed}`).toEqual(library);
        }
      }
    }
  });

  it('stops at the iteration limit like the library', () => {
    const points = data(400, 5, 9);
    for (const limit of [1, 2, 3]) expect(lloyd(points, 6, 77, limit)).toEqual(kmeans(points, 6, { seed: 77, initialization: 'kmeans++', maxIterations: limit }).centroids);
  });

  it('refuses k larger than the number of points', () => {
    expect(() => lloyd([[0], [1]], 3, 1)).toThrow(/K should be a positive integer/);
  });
});
