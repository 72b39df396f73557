import { describe, expect, it } from 'vitest';
import { SHIFT_SHARE_VARIANTS, shiftShare } from '../../../analyses/mechanism/shift-share';
import { randomTotals, testRng, totalsOf } from './totals-helper';

describe('shiftShare', () => {
  it('computes a shared-support example by hand', () => {
    // a: 60 single-shot (30 correct), 40 sequential (30 correct) → f_a = (.6, .4), acc_a = (.5, .75), acc = .6
    // b: 20 single-shot (12 correct), 80 sequential (64 correct) → f_b = (.2, .8), acc_b = (.6, .8),  acc = .76
    const a = totalsOf([60, 40], [30, 30]);
    const b = totalsOf([20, 80], [12, 64]);
    const d = shiftShare(a, b);
    expect(d.acc_a).toBeCloseTo(0.6, 15);
    expect(d.acc_b).toBeCloseTo(0.76, 15);
    expect(d.a_ref.total).toBeCloseTo(0.16, 15);
    // reweighting = (.2−.6)·.5 + (.8−.4)·.75 = .1; within = .2·.1 + .8·.05 = .06
    expect(d.a_ref.reweighting).toBeCloseTo(0.1, 15);
    expect(d.a_ref.within).toBeCloseTo(0.06, 15);
    expect(d.a_ref.support).toBe(0);
    // b as reference: reweighting = (.2−.6)·.6 + (.8−.4)·.8 = .08; within = .6·.1 + .4·.05 = .08
    expect(d.b_ref.reweighting).toBeCloseTo(0.08, 15);
    expect(d.b_ref.within).toBeCloseTo(0.08, 15);
    expect(d.symmetric.reweighting).toBeCloseTo(0.09, 15);
    expect(d.symmetric.within).toBeCloseTo(0.07, 15);
    expect(d.new_share).toBe(0);
    expect(d.lost_share).toBe(0);
  });

  it('puts strategies new in b into the support term and dropped ones into reweighting (a as reference)', () => {
    // categories: single-shot, sequential, verify
    // a: 50 single-shot (25 correct), 50 sequential (40 correct), no verify        → acc .65
    // b: 40 single-shot (24 correct), no sequential, 60 verify (54 correct)         → acc .78
    const a = totalsOf([50, 50, 0], [25, 40, 0]);
    const b = totalsOf([40, 0, 60], [24, 0, 54]);
    const d = shiftShare(a, b);
    // reweighting over S_a: (.4−.5)·.5 + (0−.5)·.8 = −.45; within (shared): .4·(.6−.5) = .04; new: .6·.9 = .54
    expect(d.a_ref.reweighting).toBeCloseTo(-0.45, 15);
    expect(d.a_ref.within).toBeCloseTo(0.04, 15);
    expect(d.a_ref.support).toBeCloseTo(0.54, 15);
    expect(d.a_ref.reweighting + d.a_ref.within + d.a_ref.support).toBeCloseTo(0.13, 15);
    // b as reference: reweighting over S_b: (.4−.5)·.6 + (.6−0)·.9 = .48; within: .5·.1 = .05; support: −.5·.8 = −.4
    expect(d.b_ref.reweighting).toBeCloseTo(0.48, 15);
    expect(d.b_ref.within).toBeCloseTo(0.05, 15);
    expect(d.b_ref.support).toBeCloseTo(-0.4, 15);
    expect(d.new_share).toBeCloseTo(0.6, 15);
    expect(d.lost_share).toBeCloseTo(0.5, 15);
  });

  it('adds up to the total to 1e-12 in every variant on random data', () => {
    const rng = testRng('shift-share additivity');
    for (let trial = 0; trial < 2000; trial++) {
      const k = 1 + rng.int(9);
      const d = shiftShare(randomTotals(rng, k), randomTotals(rng, k));
      const total = d.acc_b - d.acc_a;
      for (const variant of SHIFT_SHARE_VARIANTS) {
        const t = d[variant];
        expect(t.total).toBe(total);
        expect(Math.abs(t.reweighting + t.within + t.support - total)).toBeLessThan(1e-12);
      }
    }
  });

  it('symmetric variant: swapping a and b negates every term', () => {
    const rng = testRng('shift-share symmetry');
    for (let trial = 0; trial < 200; trial++) {
      const k = 1 + rng.int(6);
      const a = randomTotals(rng, k);
      const b = randomTotals(rng, k);
      const ab = shiftShare(a, b);
      const ba = shiftShare(b, a);
      expect(ba.symmetric.reweighting).toBeCloseTo(-ab.symmetric.reweighting, 13);
      expect(ba.symmetric.within).toBeCloseTo(-ab.symmetric.within, 13);
      expect(ba.symmetric.support).toBeCloseTo(-ab.symmetric.support, 13);
      // b_ref of (a, b) is a_ref of (b, a), negated.
      expect(ab.b_ref.reweighting).toBeCloseTo(-ba.a_ref.reweighting, 13);
      expect(ab.b_ref.support).toBeCloseTo(-ba.a_ref.support, 13);
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
