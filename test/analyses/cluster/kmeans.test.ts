import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../../analyses/cluster/ari';
import { contingency } from '../../../analyses/cluster/contingency';
import { kmeansBest, orderBySize } from '../../../analyses/cluster/kmeans';
import { restartSeeds, selectK, subsample } from '../../../analyses/cluster/select-k';
import { seedStability } from '../../../analyses/cluster/stability';
import { createRng } from '../../../analyses/random/rng';
import { blobs } from './blobs';

const { data, truth } = blobs([[0, 0], [10, 0], [0, 10]], 40, 0.8);

describe('k-means with restarts', () => {
  it('recovers well-separated blobs and reports the within-cluster sum of squares', () => {
    const fit = kmeansBest(data, 3, [1, 2, 3]);
    expect(adjustedRandIndex(contingency(fit.assignments, truth))).toBeCloseTo(1, 12);
    let inertia = 0;
    data.forEach((x, i) => {
      const c = fit.centroids[fit.assignments[i]!]!;
      inertia += (x[0]! - c[0]!) ** 2 + (x[1]! - c[1]!) ** 2;
    });
    expect(fit.inertia).toBeCloseTo(inertia, 8);
  });

  it('is deterministic for the same seeds and keeps the best restart', () => {
    expect(kmeansBest(data, 4, [5, 6])).toEqual(kmeansBest(data, 4, [5, 6]));
    const single = [5, 6, 7].map((seed) => kmeansBest(data, 4, [seed]).inertia);
    expect(kmeansBest(data, 4, [5, 6, 7]).inertia).toBeCloseTo(Math.min(...single), 9);
  });

  it('renumbers clusters largest first', () => {
    const ordered = orderBySize({ k: 3, assignments: [2, 2, 2, 0, 1, 1], centroids: [[0], [1], [2]], inertia: 0, seed: 1 });
    expect(ordered.assignments).toEqual([0, 0, 0, 2, 1, 1]);
    expect(ordered.centroids).toEqual([[2], [1], [0]]);
  });
});

describe('selectK', () => {
  it('chooses k = 3 for three blobs by silhouette and scores every k of the range', () => {
    const selection = selectK(data, createRng(3), { kMin: 2, kMax: 6, restarts: 3, silhouetteSample: 1000 })!;
    expect(selection.fit.k).toBe(3);
    expect(selection.scores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6]);
    const best = Math.max(...selection.scores.map((s) => s.silhouette));
    expect(selection.scores.find((s) => s.k === 3)!.silhouette).toBe(best);
  });

  it('caps k by the number of distinct points and gives up with a single one', () => {
    const few = [[0], [0], [1], [1], [2]];
    const selection = selectK(few, createRng(1), { kMin: 2, kMax: 10, restarts: 2, silhouetteSample: 100 })!;
    expect(selection.scores.map((s) => s.k)).toEqual([2, 3]);
    // Three distinct values in three clusters: four points score 1, the singleton {2} scores 0.
    expect(selection.fit.k).toBe(3);
    expect(selection.scores[1]!.silhouette).toBeCloseTo(0.8, 12);
    expect(selectK([[0], [0], [1]], createRng(1), { kMin: 2, kMax: 10, restarts: 2, silhouetteSample: 100 })!.fit.k).toBe(2);
    expect(selectK([[1], [1], [1]], createRng(1), { kMin: 2, kMax: 10, restarts: 2, silhouetteSample: 100 })).toBeNull();
  });

  it('subsamples distinct sorted indices deterministically', () => {
    const s = subsample(100, 10, createRng(4));
    expect(s).toHaveLength(10);
    expect(new Set(s).size).toBe(10);
    expect([...s].sort((a, b) => a - b)).toEqual(s);
    expect(subsample(100, 10, createRng(4))).toEqual(s);
    expect(subsample(5, 10, createRng(4))).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('seedStability', () => {
  it('is 1 for separated blobs and below 1 when k exceeds the structure', () => {
    const seeds = restartSeeds(createRng(2), 4);
    expect(seedStability(data, 3, seeds).min_ari).toBeCloseTo(1, 9);
    const uniform = blobs([[0, 0]], 150, 1, 9).data;
    expect(seedStability(uniform, 7, seeds).mean_ari).toBeLessThan(0.99);
  });
});
