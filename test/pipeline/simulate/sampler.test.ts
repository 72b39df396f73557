import { describe, expect, it } from 'vitest';
import { createRng } from '../../../analyses/random/rng';
import { Sampler } from '../../../pipeline/simulate/sampler';

describe('Sampler', () => {
  it('normalises weights and drops zero weights', () => {
    const sampler = new Sampler({ a: 2, b: 6, c: 0 });
    expect(sampler.options).toEqual(['a', 'b']);
    const p = sampler.probabilities();
    expect(p.a).toBeCloseTo(0.25, 12);
    expect(p.b).toBeCloseTo(0.75, 12);
    expect(() => new Sampler({ a: 0 })).toThrow();
  });

  it('draws with the weights (within 5 standard errors over 40,000 draws)', () => {
    const sampler = new Sampler({ a: 1, b: 2, c: 7 });
    const rng = createRng(3);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    const n = 40_000;
    for (let i = 0; i < n; i++) counts[sampler.draw(rng)!]! += 1;
    for (const [option, p] of Object.entries({ a: 0.1, b: 0.2, c: 0.7 })) {
      expect(Math.abs(counts[option]! / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    }
  });

  it('renormalises over the options left when some are excluded', () => {
    const sampler = new Sampler({ a: 1, b: 1, c: 2 });
    const rng = createRng(4);
    let c = 0;
    for (let i = 0; i < 20_000; i++) {
      const drawn = sampler.draw(rng, new Set(['a']));
      expect(drawn).not.toBe('a');
      if (drawn === 'c') c += 1;
    }
    expect(Math.abs(c / 20_000 - 2 / 3)).toBeLessThan(0.02);
    expect(sampler.draw(rng, new Set(['a', 'b', 'c']))).toBeUndefined();
  });
});
