import { describe, expect, it } from 'vitest';
import { boundaryLines, keyNumberRows } from '../../../reports/summary/key-numbers';
import type { BoundaryCsvRow as BoundaryRow } from '../../../pipeline/tables/boundary';
import type { PasskRow } from '../../../reports/data/tables';

const row = (policy: string, family: string, budget: number | 'all', k: number, pass: number): PasskRow => ({
  policy, family, budget, k, pass, ci_low: pass - 0.05, ci_high: pass + 0.05, tasks: 100, mode: 'capped',
});

describe('key numbers', () => {
  it('reports pass@1 and pass@n at each family’s largest budget, base first', () => {
    const rows = [
      row('rl', 'bridge', 5, 1, 0.335), row('rl', 'bridge', 5, 64, 0.81), row('base', 'bridge', 5, 1, 0.363), row('base', 'bridge', 5, 64, 0.77),
      row('base', 'bridge', 3, 1, 0.9), row('base', 'bridge', 3, 64, 0.99),
    ];
    expect(keyNumberRows(rows)).toEqual([
      { family: 'bridge', budget: 'T = 5', policy: 'base', passAt1: '.363 [.313, .413]', passAtN: '.770 [.720, .820]', n: 64, tasks: 100 },
      { family: 'bridge', budget: 'T = 5', policy: 'rl', passAt1: '.335 [.285, .385]', passAtN: '.810 [.760, .860]', n: 64, tasks: 100 },
    ]);
  });

  it('uses the uncapped rows when a family has no integer budget', () => {
    const rows = [row('base', 'qa', 'all', 1, 0.5), row('base', 'qa', 'all', 4, 0.75)];
    expect(keyNumberRows(rows)[0]).toMatchObject({ budget: 'no cap', passAt1: '.500 [.450, .550]', n: 4 });
  });

  it('states the boundary at k = n with the set difference and p-value', () => {
    const b = (k: number, onlyA: number): BoundaryRow => ({ family: 'bridge', budget: 5, policy_a: 'rl', policy_b: 'base', k, only_a: onlyA, only_b: 1, both: 70, neither: 24, p_value: 0.21875, p_holm: 0.21875, q_bh: 0.21875 });
    const lines = boundaryLines([b(8, 2), b(64, 5)]);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text).toContain('k = 64');
    expect(lines[0]!.text).toContain('rl\\base : base\\rl = 5:1');
    expect(lines[0]!.text).toContain('p = .22');
    // adjusted over the boundary tests of the rows given (two here)
    expect(lines[0]!.text).toContain('over the 2 boundary tests of the run Holm-adjusted p = .22, Benjamini–Hochberg q = .22');
  });
});
