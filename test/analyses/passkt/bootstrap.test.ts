import { describe, expect, it } from 'vitest';
import { bootstrapReplicates, curveIntervals, replicateColumn } from '../../../analyses/passkt/bootstrap';
import { drawTaskWeights } from '../../../analyses/stats/task-bootstrap';
import type { Statistic } from '../../../analyses/passkt/classed-mean';
import { createRng } from '../../../analyses/random/rng';

describe('task bootstrap', () => {
  it('draws multinomial weights: m draws over m tasks, reproducible from the seed', () => {
    const weights = new Float64Array(50);
    const totals = new Float64Array(50);
    const rng = createRng(4);
    for (let r = 0; r < 2000; r++) {
      drawTaskWeights(rng, weights);
      expect(weights.reduce((sum, w) => sum + w, 0)).toBe(50);
      weights.forEach((w, i) => (totals[i] = (totals[i] as number) + w));
    }
    // each task is drawn once per resample on average
    for (const total of totals) expect(total / 2000).toBeGreaterThan(0.85);
    for (const total of totals) expect(total / 2000).toBeLessThan(1.15);
    const a = new Float64Array(10);
    const b = new Float64Array(10);
    drawTaskWeights(createRng(1), a);
    drawTaskWeights(createRng(1), b);
    expect([...a]).toEqual([...b]);
  });

  it('hands every statistic the same weights within a resample, in resample-major rows', () => {
    const seen: number[][] = [[], []];
    const recorder = (id: number, kMax: number): Statistic => ({
      kMax,
      outputs: 1,
      evaluate(weights, out, offset) {
        // a fingerprint of the weight vector: its weighted index sum
        let key = 0;
        for (let i = 0; i < weights.length; i++) key += (weights[i] as number) * (i + 1);
        (seen[id] as number[]).push(key);
        for (let k = 0; k < kMax; k++) (out[0] as Float64Array)[offset + k] = key * 10 + k;
      },
    });
    const replicates = bootstrapReplicates(7, [recorder(0, 3), recorder(1, 2)], 5, createRng(2));
    expect(seen[0]).toEqual(seen[1]);
    expect(new Set(seen[0]).size).toBeGreaterThan(1);
    const matrix = (replicates[0] as Float64Array[])[0] as Float64Array;
    expect(matrix.length).toBe(15);
    expect([...replicateColumn(matrix, 3, 2)]).toEqual((seen[0] as number[]).map((key) => key * 10 + 1));
  });

  it('gives NaN intervals without replicates', () => {
    const { low, high } = curveIntervals(new Float64Array(0), 3, 0.95);
    expect([...low, ...high].every(Number.isNaN)).toBe(true);
  });
});
