import { describe, expect, it } from 'vitest';
import { ClassedMean, PairedDifference, type Member } from '../../../analyses/passkt/classed-mean';
import { EstimateTable } from '../../../analyses/passkt/estimate-table';
import { passAtK, passHatK } from '../../../analyses/stats/pass-at-k';
import { createRng } from '../../../analyses/random/rng';

const pass = new EstimateTable('pass');
const hat = new EstimateTable('passhat');

/** Random tasks with varying n (so some are excluded at large k) and c. */
function randomTasks(seed: number, count: number): { n: number; c: number }[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const n = 1 + rng.int(12);
    return { n, c: rng.int(n + 1) };
  });
}

/** The weighted mean over tasks with n >= k, computed the plain way. */
function naiveMean(tasks: { n: number; c: number }[], weights: number[], k: number, estimate: (n: number, c: number, k: number) => number): number {
  let sum = 0;
  let total = 0;
  tasks.forEach((task, i) => {
    if (task.n < k) return;
    sum += (weights[i] as number) * estimate(task.n, task.c, k);
    total += weights[i] as number;
  });
  return total > 0 ? sum / total : NaN;
}

describe('ClassedMean', () => {
  it('equals the plain weighted mean over eligible tasks for any weights, every k, both tables', () => {
    const tasks = randomTasks(3, 40);
    const members: Member[] = tasks.map((task, index) => ({ index, eligibleN: task.n, rows: [pass.row(task.n, task.c), hat.row(task.n, task.c)] }));
    const statistic = new ClassedMean(members, 2);
    const kMax = Math.max(...tasks.map((task) => task.n));
    expect(statistic.kMax).toBe(kMax);
    const rng = createRng(9);
    for (let trial = 0; trial < 5; trial++) {
      const weights = tasks.map(() => rng.int(4));
      const out = [new Float64Array(kMax + 3), new Float64Array(kMax + 3)];
      statistic.evaluate(weights, out, 3);
      for (let k = 1; k <= kMax; k++) {
        const expectedPass = naiveMean(tasks, weights, k, passAtK);
        const expectedHat = naiveMean(tasks, weights, k, passHatK);
        if (Number.isNaN(expectedPass)) expect(out[0]?.[2 + k]).toBeNaN();
        else expect(out[0]?.[2 + k]).toBeCloseTo(expectedPass, 12);
        if (!Number.isNaN(expectedHat)) expect(out[1]?.[2 + k]).toBeCloseTo(expectedHat, 12);
      }
    }
    const [point] = statistic.pointEstimate();
    for (let k = 1; k <= kMax; k++) {
      expect(point?.[k - 1]).toBeCloseTo(naiveMean(tasks, tasks.map(() => 1), k, passAtK), 12);
      expect(statistic.tasks[k - 1]).toBe(tasks.filter((task) => task.n >= k).length);
    }
  });

  it('groups tasks with equal counts into one class (at most n + 1 classes for a common n)', () => {
    const tasks = Array.from({ length: 500 }, (_, i) => ({ n: 8, c: i % 9 }));
    const statistic = new ClassedMean(tasks.map((task, index) => ({ index, eligibleN: task.n, rows: [pass.row(task.n, task.c)] })), 1);
    expect((statistic as unknown as { classCount: number }).classCount).toBe(9);
  });

  it('PairedDifference equals mean_a − mean_b over the paired tasks', () => {
    const a = randomTasks(5, 30);
    const b = randomTasks(6, 30);
    const eligible = a.map((task, i) => Math.min(task.n, (b[i] as { n: number }).n));
    const side = (tasks: { n: number; c: number }[]) => new ClassedMean(tasks.map((task, index) => ({ index, eligibleN: eligible[index] as number, rows: [pass.row(task.n, task.c)] })), 1);
    const difference = new PairedDifference(side(a), side(b));
    const weights = a.map((_, i) => (i * 7) % 3);
    const out = [new Float64Array(difference.kMax)];
    difference.evaluate(weights, out, 0);
    for (let k = 1; k <= difference.kMax; k++) {
      let sum = 0;
      let total = 0;
      a.forEach((task, i) => {
        if ((eligible[i] as number) < k) return;
        const other = b[i] as { n: number; c: number };
        sum += (weights[i] as number) * (passAtK(task.n, task.c, k) - passAtK(other.n, other.c, k));
        total += weights[i] as number;
      });
      if (total > 0) expect(out[0]?.[k - 1]).toBeCloseTo(sum / total, 12);
      else expect(out[0]?.[k - 1]).toBeNaN();
    }
  });
});
