import { describe, expect, it } from 'vitest';
import type { Curve } from '../../../analyses/passkt/curves';
import { saturationDepth, saturationTable } from '../../../analyses/passkt/saturation';

describe('saturation depth T*', () => {
  const grid = [0, 1, 2, 3, 5];
  it('is the smallest budget after which every further step gains less than the threshold', () => {
    expect(saturationDepth(grid, [0.1, 0.3, 0.4, 0.405, 0.41], 0.01)).toBe(2);
    expect(saturationDepth(grid, [0.1, 0.3, 0.4, 0.5, 0.6], 0.01)).toBeNull();
    expect(saturationDepth(grid, [0.4, 0.4, 0.4, 0.4, 0.4], 0.01)).toBe(0);
    // a late gain resets saturation: 1 → 2 adds nothing, but 3 → 5 adds 0.05
    expect(saturationDepth(grid, [0.1, 0.3, 0.3, 0.3, 0.35], 0.01)).toBeNull();
    expect(saturationDepth(grid, [0.1, 0.3, 0.3, 0.35, 0.355], 0.01)).toBe(3);
    // a loss counts as below the threshold
    expect(saturationDepth(grid, [0.1, 0.5, 0.45, 0.46, 0.4], 0.02)).toBe(1);
    // a step of exactly the threshold is not below it
    expect(saturationDepth([0, 1], [0.25, 0.5], 0.25)).toBeNull();
    expect(saturationDepth([3], [0.5], 0.01)).toBeNull();
  });

  it('is tabulated per policy, family, mode and k over the numeric budgets', () => {
    const curve = (budget: number | 'all', pass: number[]): Curve => {
      const values = Float64Array.from(pass);
      return { policy: 'base', family: 'bridge', budget, mode: 'capped', kMax: pass.length, tasks: new Int32Array(pass.length), pass: values, passLow: values, passHigh: values, passhat: values, passhatLow: values, passhatHigh: values, replicates: new Float64Array(0) };
    };
    const rows = saturationTable([curve(0, [0.1, 0.2]), curve(2, [0.3, 0.5]), curve(5, [0.305, 0.6]), curve('all', [0.9, 0.9])], 0.01);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ k: 1, tStar: 2, maxBudget: 5, passAtMax: 0.305, passAtTStar: 0.3 });
    expect(rows[1]).toMatchObject({ k: 2, tStar: null, passAtMax: 0.6 });
    expect(rows[1]?.passAtTStar).toBeNaN();
  });
});
