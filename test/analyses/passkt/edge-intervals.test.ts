import { describe, expect, it } from 'vitest';
import { analysePass } from '../../../analyses/passkt/curves';
import type { Outcome } from '../../../analyses/passkt/outcomes';
import { createRng } from '../../../analyses/random/rng';

const outcome = (policy: string, task: number, n: number, c: number): Outcome => ({ policy, task: `t${String(task).padStart(3, '0')}`, family: 'bridge', budget: 5, mode: 'capped', n, c });

describe('PASS@(k,T) intervals at the edges', () => {
  // 100 tasks, each solved at least once by both policies; base solves every episode of task 0..49
  const outcomes = Array.from({ length: 100 }, (_, t) => [outcome('base', t, 8, t < 50 ? 8 : 2), outcome('rl', t, 8, 4)]).flat();
  const analysis = analysePass(outcomes, [{ a: 'rl', b: 'base' }], { resamples: 300, level: 0.95, rng: createRng(4) });
  const base = analysis.curves.find((curve) => curve.policy === 'base')!;

  it('pass@n = 1 over 100 tasks: Clopper–Pearson [0.025^(1/100), 1], not the percentile [1, 1]', () => {
    expect(base.pass[7]).toBe(1);
    expect(base.passLow[7]).toBe(0.025 ** (1 / 100));
    expect(base.passHigh[7]).toBe(1);
  });

  it('pass^k = 0 over 100 tasks: [0, 1 − 0.025^(1/100)]; elsewhere the percentile interval', () => {
    const rl = analysis.curves.find((curve) => curve.policy === 'rl')!;
    // rl: c = 4 of 8 everywhere, so pass^5..8 = 0 on every task
    expect(rl.passhat[4]).toBe(0);
    expect([rl.passhatLow[4], rl.passhatHigh[4]]).toEqual([0, 1 - 0.025 ** (1 / 100)]);
    // pass@1 of base is .625 with spread over tasks: an ordinary percentile interval around it
    expect(base.passLow[0]).toBeLessThan(0.625);
    expect(base.passHigh[0]).toBeGreaterThan(0.625);
  });

  it('a paired difference of two curves at 1 gets ±(1 − L) instead of [0, 0]', () => {
    const diff = analysis.diffs[0]!;
    expect(diff.diff[7]).toBe(0);
    expect(diff.low[7]).toBeCloseTo(-(1 - 0.025 ** (1 / 100)), 15);
    expect(diff.high[7]).toBeCloseTo(1 - 0.025 ** (1 / 100), 15);
  });

  it('a difference that is 0 on every task away from the edges gets the same bound on the discordant share', () => {
    const same = Array.from({ length: 50 }, (_, t) => [outcome('base', t, 8, 4), outcome('rl', t, 8, 4)]).flat();
    const [diff] = analysePass(same, [{ a: 'rl', b: 'base' }], { resamples: 100, level: 0.95, rng: createRng(2) }).diffs;
    expect(diff!.diff[0]).toBe(0);
    expect([diff!.low[0], diff!.high[0]]).toEqual([-(1 - 0.025 ** (1 / 50)), 1 - 0.025 ** (1 / 50)]);
  });

  it('no resamples: no interval, at the edge too', () => {
    const bare = analysePass(outcomes, [], { resamples: 0, level: 0.95, rng: createRng(4) });
    expect(bare.curves[0]!.passLow[7]).toBeNaN();
  });
});
