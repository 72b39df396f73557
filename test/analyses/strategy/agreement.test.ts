import { describe, expect, it } from 'vitest';
import { Confusion } from '../../../analyses/strategy/agreement';
import { recoveryRows } from '../../../analyses/strategy/recovery';

// Cohen's kappa straight from its definition over a dense matrix (independent of the Confusion class).
function kappaBrute(pairs: [string, string][]): number {
  const labels = [...new Set(pairs.flat())];
  const n = pairs.length;
  const observed = pairs.filter(([a, b]) => a === b).length / n;
  let chance = 0;
  for (const label of labels) chance += (pairs.filter(([a]) => a === label).length / n) * (pairs.filter(([, b]) => b === label).length / n);
  return (observed - chance) / (1 - chance);
}

describe('Confusion', () => {
  it("reproduces the textbook Cohen's kappa example (20/5/10/15 -> 0.4)", () => {
    const c = new Confusion();
    c.add('yes', 'yes', 20);
    c.add('yes', 'no', 5);
    c.add('no', 'yes', 10);
    c.add('no', 'no', 15);
    expect(c.total).toBe(50);
    expect(c.accuracy()).toBeCloseTo(0.7, 12);
    expect(c.kappa()).toBeCloseTo(0.4, 12);
    expect(c.classAccuracy('yes')).toBeCloseTo(0.8, 12);
    expect(c.classAccuracy('no')).toBeCloseTo(0.6, 12);
  });

  it('matches a brute-force kappa on a three-class labeling', () => {
    const labels = ['verify', 'sequential', 'parallel'];
    const pairs: [string, string][] = [];
    for (let i = 0; i < 97; i++) pairs.push([labels[(i * 7) % 3]!, labels[(i * 7 + (i % 5 === 0 ? 1 : 0) + (i % 11 === 0 ? 1 : 0)) % 3]!]);
    const c = new Confusion();
    for (const [a, b] of pairs) c.add(a, b);
    expect(c.kappa()).toBeCloseTo(kappaBrute(pairs), 12);
  });

  it('handles perfect and constant agreement, and lists cells in a given order', () => {
    const c = new Confusion();
    c.add('a', 'a', 3);
    expect(c.kappa()).toBe(1);
    c.add('b', 'a');
    expect(c.labels(['b', 'a'])).toEqual(['b', 'a']);
    expect(c.toObject()).toEqual({ a: { a: 3 }, b: { a: 1 } });
    expect(c.rows(['b', 'a'])).toEqual([
      { reference: 'b', predicted: 'a', episodes: 1 },
      { reference: 'a', predicted: 'a', episodes: 3 },
    ]);
    expect(Number.isNaN(new Confusion().kappa())).toBe(true);
  });
});

describe('recoveryRows', () => {
  it('gives per-class and overall accuracy, overall and per policy', () => {
    const all = new Confusion();
    const rl = new Confusion();
    for (const [t, p, n] of [['verify', 'verify', 8], ['verify', 'sequential', 2], ['parallel', 'parallel', 5]] as const) {
      all.add(t, p, n);
      rl.add(t, p, n);
    }
    const rows = recoveryRows(all, new Map([['rl', rl]]), ['verify', 'sequential', 'parallel']);
    expect(rows.filter((r) => r.policy === 'all')).toEqual([
      { policy: 'all', true_label: 'verify', episodes: 10, recovered: 8, accuracy: 0.8 },
      { policy: 'all', true_label: 'parallel', episodes: 5, recovered: 5, accuracy: 1 },
      { policy: 'all', true_label: 'all', episodes: 15, recovered: 13, accuracy: 13 / 15 },
    ]);
    expect(rows.filter((r) => r.policy === 'rl')).toHaveLength(3);
  });
});
