import { describe, expect, it } from 'vitest';
import { retrievalIntegration, retrievalProfile } from '../../../analyses/mechanism/retrieval-integration';
import { randomTotals, testRng, totalsOf } from './totals-helper';

// Totals over [retrieved, missed].
describe('retrievalIntegration', () => {
  it('computes a hand example', () => {
    // a (compared): 80 retrieved (72 correct), 20 missed (2 correct): ρ .8, p_R .9, p_M .1, acc .74
    // b (reference): 50 retrieved (40 correct), 50 missed (5 correct): ρ .5, p_R .8, p_M .1, acc .45
    const d = retrievalIntegration(totalsOf([80, 20], [72, 2]), totalsOf([50, 50], [40, 5]));
    expect(d.total).toBeCloseTo(0.29, 15);
    // retrieval = .3 · ½[(.8 − .1) + (.9 − .1)] = .225; integration = .65·.1 + .35·0 = .065
    expect(d.retrieval).toBeCloseTo(0.225, 15);
    expect(d.integration_retrieved).toBeCloseTo(0.065, 15);
    expect(d.integration_missed).toBeCloseTo(0, 15);
    expect(d.integration).toBeCloseTo(0.065, 15);
    expect(d.b).toEqual({ episodes: 100, retrieval_rate: 0.5, accuracy: 0.45, acc_given_retrieved: 0.8, acc_given_missed: 0.1 });
  });

  it('is the average of the two one-at-a-time orderings', () => {
    const rng = testRng('retrieval orderings');
    for (let trial = 0; trial < 200; trial++) {
      const a = totalsOf([1 + rng.int(50), 1 + rng.int(50)], [0, 0]);
      const b = totalsOf([1 + rng.int(50), 1 + rng.int(50)], [0, 0]);
      for (const t of [a, b]) for (const k of [0, 1]) t.correct[k] = rng.int(t.n[k]! + 1);
      const pa = retrievalProfile(a);
      const pb = retrievalProfile(b);
      const acc = (rho: number, pR: number, pM: number) => rho * pR + (1 - rho) * pM;
      // acc_a − acc_b: change ρ from b's to a's first (at b's conditionals) or last (at a's)
      const retrievalFirst = acc(pa.retrieval_rate, pb.acc_given_retrieved, pb.acc_given_missed) - pb.accuracy;
      const retrievalLast = pa.accuracy - acc(pb.retrieval_rate, pa.acc_given_retrieved, pa.acc_given_missed);
      const d = retrievalIntegration(a, b);
      expect(d.retrieval).toBeCloseTo((retrievalFirst + retrievalLast) / 2, 13);
    }
  });

  it('adds up to the total to 1e-12 on random data, including policies that always or never retrieve', () => {
    const rng = testRng('retrieval additivity');
    for (let trial = 0; trial < 2000; trial++) {
      const d = retrievalIntegration(randomTotals(rng, 2, 0.25), randomTotals(rng, 2, 0.25));
      expect(Math.abs(d.retrieval + d.integration - d.total)).toBeLessThan(1e-12);
      expect(Math.abs(d.integration_retrieved + d.integration_missed - d.integration)).toBeLessThan(1e-15);
    }
  });

  it('attributes nothing to a conditional rate one policy never observed', () => {
    // b always retrieves (p_M undefined): p_M,b := p_M,a, so integration_missed = 0.
    const d = retrievalIntegration(totalsOf([5, 5], [4, 1]), totalsOf([10, 0], [8, 0]));
    expect(d.b.acc_given_missed).toBeNaN();
    expect(d.integration_missed).toBe(0);
    expect(d.integration_retrieved).toBeCloseTo(0, 15);
    // total −.3 (acc_a .5 − acc_b .8) is all retrieval: −.5 · ½[(.8 − .2) + (.8 − .2)]
    expect(d.retrieval).toBeCloseTo(-0.3, 15);
  });

  it('is NaN when a policy has no episodes', () => {
    expect(retrievalIntegration(totalsOf([0, 0], [0, 0]), totalsOf([1, 1], [1, 0])).total).toBeNaN();
  });
});
