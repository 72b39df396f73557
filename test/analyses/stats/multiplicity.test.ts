import { describe, expect, it } from 'vitest';
import { benjaminiHochbergAdjust } from '../../../analyses/stats/benjamini-hochberg';
import { holmAdjust } from '../../../analyses/stats/holm';
import { createRng } from '../../../analyses/random/rng';

/** Holm's procedure run directly at level alpha: reject p_(1), p_(2), … while p_(i) <= alpha / (m − i + 1). */
function holmRejects(p: readonly number[], alpha: number): boolean[] {
  const order = p.map((value, i) => [value, i] as const).sort((x, y) => x[0] - y[0]);
  const rejected = p.map(() => false);
  for (let rank = 0; rank < order.length; rank++) {
    const [value, i] = order[rank]!;
    if (value > alpha / (order.length - rank)) break;
    rejected[i] = true;
  }
  return rejected;
}

/** BH run directly at level q: reject the i smallest, i the largest rank with p_(i) <= i q / m. */
function bhRejects(p: readonly number[], q: number): boolean[] {
  const order = p.map((value, i) => [value, i] as const).sort((x, y) => x[0] - y[0]);
  let last = -1;
  order.forEach(([value], rank) => {
    if (value <= ((rank + 1) * q) / order.length) last = rank;
  });
  const rejected = p.map(() => false);
  for (let rank = 0; rank <= last; rank++) rejected[order[rank]![1]] = true;
  return rejected;
}

describe('Holm and Benjamini–Hochberg adjustments', () => {
  it('match hand-computed examples', () => {
    // sorted .005, .01, .03, .04 (m = 4): Holm 4·.005 = .02, 3·.01 = .03, 2·.03 = .06, max(.06, 1·.04) = .06
    const p = [0.01, 0.04, 0.03, 0.005];
    holmAdjust(p).forEach((value, i) => expect(value).toBeCloseTo([0.03, 0.06, 0.06, 0.02][i]!, 15));
    // BH from the top: 4·.04/4 = .04, min(.04, 4·.03/3) = .04, min(.04, 4·.01/2) = .02, min(.02, 4·.005/1) = .02
    benjaminiHochbergAdjust(p).forEach((value, i) => expect(value).toBeCloseTo([0.02, 0.04, 0.04, 0.02][i]!, 15));
    // R: p.adjust(c(.01, .02, .03, .04, .05), "holm") = .05 .08 .09 .09 .09; "BH" = .05 everywhere
    holmAdjust([0.01, 0.02, 0.03, 0.04, 0.05]).forEach((value, i) => expect(value).toBeCloseTo([0.05, 0.08, 0.09, 0.09, 0.09][i]!, 15));
    for (const value of benjaminiHochbergAdjust([0.01, 0.02, 0.03, 0.04, 0.05])) expect(value).toBeCloseTo(0.05, 15);
  });

  it('leave tests that were not made out of the family and cap at 1', () => {
    expect(holmAdjust([0.02, NaN, 0.5])).toEqual([0.04, NaN, 0.5]);
    expect(benjaminiHochbergAdjust([0.02, NaN, 0.5])).toEqual([0.04, NaN, 0.5]);
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });

  it('reject exactly what the step-down and step-up procedures reject, on random families', () => {
    const rng = createRng('multiplicity');
    for (let trial = 0; trial < 500; trial++) {
      const m = 1 + rng.int(30);
      const p = Array.from({ length: m }, () => (rng.next() < 0.3 ? rng.next() * 0.01 : rng.next()));
      const holm = holmAdjust(p);
      const bh = benjaminiHochbergAdjust(p);
      for (const alpha of [0.001, 0.01, 0.05, 0.1, 0.25]) {
        // strict < on the adjusted value against <= in the procedure: equal only on a measure-zero set
        expect(holm.map((value) => value <= alpha)).toEqual(holmRejects(p, alpha));
        expect(bh.map((value) => value <= alpha)).toEqual(bhRejects(p, alpha));
      }
      // Holm is never below the raw p, BH never above Holm
      holm.forEach((value, i) => {
        expect(value).toBeGreaterThanOrEqual(p[i]!);
        expect(bh[i]!).toBeLessThanOrEqual(value + 1e-15);
      });
    }
  });
});
