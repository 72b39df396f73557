import { describe, expect, it } from 'vitest';
import { buildPairTable, pairTotals } from '../../../analyses/mechanism/pair-table';

describe('pair table', () => {
  const table = buildPairTable(['t1', 't2'], ['x', 'y'], [
    { task: 0, side: 0, category: 0, correct: true },
    { task: 0, side: 0, category: 1, correct: false },
    { task: 0, side: 1, category: 1, correct: true },
    { task: 1, side: 0, category: 0, correct: false },
    { task: 1, side: 1, category: 0, correct: true },
    { task: 1, side: 1, category: 0, correct: true },
  ]);
  it('counts episodes and successes per task and category', () => {
    expect(Array.from(table.nA)).toEqual([1, 1, 1, 0]);
    expect(Array.from(table.cA)).toEqual([1, 0, 0, 0]);
    expect(Array.from(table.nB)).toEqual([0, 1, 2, 0]);
    expect(Array.from(table.cB)).toEqual([0, 1, 2, 0]);
  });
  it('sums over tasks, optionally weighting each task by its bootstrap multiplicity', () => {
    const plain = pairTotals(table);
    expect(Array.from(plain.a.n)).toEqual([2, 1]);
    expect(Array.from(plain.b.n)).toEqual([2, 1]);
    const weighted = pairTotals(table, [0, 3]);
    expect(Array.from(weighted.a.n)).toEqual([3, 0]);
    expect(Array.from(weighted.b.correct)).toEqual([6, 0]);
  });
});

describe('pair totals under bootstrap weights', () => {
  it('equal the totals of the episodes of the resampled tasks, rebuilt one by one', async () => {
    const { createRng } = await import('../../../analyses/random/rng');
    const { drawTaskResamples, replicateWeights } = await import('../../../analyses/stats/task-bootstrap');
    const rng = createRng('weights vs brute force');
    const tasks = Array.from({ length: 9 }, (_, t) => `t${t}`);
    const episodes = Array.from({ length: 200 }, () => ({
      task: rng.int(9),
      side: (rng.int(2) as 0 | 1),
      category: rng.int(4),
      correct: rng.next() < 0.4,
    }));
    const table = buildPairTable(tasks, ['w', 'x', 'y', 'z'], episodes);
    const resamples = drawTaskResamples(9, 20, rng);
    for (let r = 0; r < 20; r++) {
      const weights = replicateWeights(resamples, r);
      const drawn = episodes.flatMap((e) => Array.from({ length: weights[e.task]! }, () => e));
      const brute = buildPairTable(['all'], ['w', 'x', 'y', 'z'], drawn.map((e) => ({ ...e, task: 0 })));
      const { a, b } = pairTotals(table, weights);
      expect(Array.from(a.n)).toEqual(Array.from(brute.nA));
      expect(Array.from(a.correct)).toEqual(Array.from(brute.cA));
      expect(Array.from(b.n)).toEqual(Array.from(brute.nB));
      expect(Array.from(b.correct)).toEqual(Array.from(brute.cB));
    }
  });
});
