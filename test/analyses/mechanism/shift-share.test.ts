import { describe, expect, it } from 'vitest';
import { SHIFT_SHARE_VARIANTS, shiftShare } from '../../../analyses/mechanism/shift-share';
import { randomTotals, testRng, totalsOf } from './totals-helper';

// a = the compared policy, b = the reference (base); every term decomposes acc_a − acc_b.
describe('shiftShare', () => {
  it('computes a shared-support example by hand', () => {
    // a: 20 single-shot (12 correct), 80 sequential (64 correct) → f_a = (.2, .8), acc_a = (.6, .8),  acc = .76
    // b: 60 single-shot (30 correct), 40 sequential (30 correct) → f_b = (.6, .4), acc_b = (.5, .75), acc = .6
    const d = shiftShare(totalsOf([20, 80], [12, 64]), totalsOf([60, 40], [30, 30]));
    expect(d.acc_a).toBeCloseTo(0.76, 15);
    expect(d.acc_b).toBeCloseTo(0.6, 15);
    expect(d.b_ref.total).toBeCloseTo(0.16, 15);
    // b as reference: reweighting = (.2−.6)·.5 + (.8−.4)·.75 = .1; within = .2·.1 + .8·.05 = .06
    expect(d.b_ref.reweighting).toBeCloseTo(0.1, 15);
    expect(d.b_ref.within).toBeCloseTo(0.06, 15);
    expect(d.b_ref.support).toBe(0);
    // a as reference: reweighting = (.2−.6)·.6 + (.8−.4)·.8 = .08; within = .6·.1 + .4·.05 = .08
    expect(d.a_ref.reweighting).toBeCloseTo(0.08, 15);
    expect(d.a_ref.within).toBeCloseTo(0.08, 15);
    // symmetric (Shapley): Σ Δf · mean acc = −.4·.55 + .4·.775 = .09; Σ mean f · Δacc = .4·.1 + .6·.05 = .07
    expect(d.symmetric.reweighting).toBeCloseTo(0.09, 15);
    expect(d.symmetric.within).toBeCloseTo(0.07, 15);
    expect(d.new_share).toBe(0);
    expect(d.lost_share).toBe(0);
  });

  it('counts new and lost strategies whole in their own term, the same in every variant', () => {
    // categories: single-shot, sequential, verify
    // a: 40 single-shot (24 correct), no sequential, 60 verify (54 correct)          → acc .78
    // b: 50 single-shot (25 correct), 50 sequential (40 correct), no verify           → acc .65
    const d = shiftShare(totalsOf([40, 0, 60], [24, 0, 54]), totalsOf([50, 50, 0], [25, 40, 0]));
    // new / lost = new verify .6·.9 − lost sequential .5·.8 = .54 − .40 = .14, never folded into reweighting
    for (const variant of SHIFT_SHARE_VARIANTS) expect(d[variant].support).toBeCloseTo(0.14, 15);
    // shared single-shot only: Δf = −.1, Δacc = +.1
    expect(d.b_ref.reweighting).toBeCloseTo(-0.05, 15); // −.1 · .5
    expect(d.b_ref.within).toBeCloseTo(0.04, 15); // .4 · .1
    expect(d.a_ref.reweighting).toBeCloseTo(-0.06, 15); // −.1 · .6
    expect(d.a_ref.within).toBeCloseTo(0.05, 15); // .5 · .1
    expect(d.symmetric.reweighting).toBeCloseTo(-0.055, 15);
    expect(d.symmetric.within).toBeCloseTo(0.045, 15);
    expect(d.symmetric.reweighting + d.symmetric.within + d.symmetric.support).toBeCloseTo(0.13, 15);
    expect(d.new_share).toBeCloseTo(0.6, 15);
    expect(d.lost_share).toBeCloseTo(0.5, 15);
  });

  it('adds up to the total to 1e-12 in every variant on random data', () => {
    const rng = testRng('shift-share additivity');
    for (let trial = 0; trial < 2000; trial++) {
      const k = 1 + rng.int(9);
      const d = shiftShare(randomTotals(rng, k), randomTotals(rng, k));
      const total = d.acc_a - d.acc_b;
      for (const variant of SHIFT_SHARE_VARIANTS) {
        const t = d[variant];
        expect(t.total).toBe(total);
        expect(Math.abs(t.reweighting + t.within + t.support - total)).toBeLessThan(1e-12);
      }
      // the symmetric variant is the average of the other two
      expect(Math.abs(d.symmetric.reweighting - (d.a_ref.reweighting + d.b_ref.reweighting) / 2)).toBeLessThan(1e-12);
    }
  });

  it('swapping a and b negates every term; b_ref of (a, b) is a_ref of (b, a), negated', () => {
    const rng = testRng('shift-share symmetry');
    for (let trial = 0; trial < 200; trial++) {
      const k = 1 + rng.int(6);
      const a = randomTotals(rng, k);
      const b = randomTotals(rng, k);
      const ab = shiftShare(a, b);
      const ba = shiftShare(b, a);
      for (const term of ['reweighting', 'within', 'support'] as const) {
        expect(ba.symmetric[term]).toBeCloseTo(-ab.symmetric[term], 13);
        expect(ab.b_ref[term]).toBeCloseTo(-ba.a_ref[term], 13);
      }
      expect(ab.new_share).toBeCloseTo(ba.lost_share, 15);
    }
  });

  it('is zero when the two policies are the same', () => {
    const a = totalsOf([10, 20, 0, 5], [3, 15, 0, 5]);
    const d = shiftShare(a, a);
    for (const variant of SHIFT_SHARE_VARIANTS) expect(d[variant]).toEqual({ total: 0, reweighting: 0, within: 0, support: 0 });
  });

  it('is undefined (NaN) when a policy has no episodes', () => {
    const d = shiftShare(totalsOf([0, 0], [0, 0]), totalsOf([1, 2], [1, 1]));
    expect(d.a_ref.total).toBeNaN();
    expect(d.symmetric.reweighting).toBeNaN();
  });
});
