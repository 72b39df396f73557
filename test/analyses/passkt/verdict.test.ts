import { describe, expect, it } from 'vitest';
import { pairBoundaries, type PairBoundary } from '../../../analyses/passkt/boundary-table';
import type { Outcome } from '../../../analyses/passkt/outcomes';
import { decideVerdict, verdictSentence, type VerdictEvidence } from '../../../analyses/passkt/verdict';
import { pairVerdicts } from '../../../analyses/passkt/verdict-table';
import { exactMcNemarP } from '../../../analyses/passkt/mcnemar';
import { holmAdjust } from '../../../analyses/stats/holm';
import { createRng } from '../../../analyses/random/rng';

const evidence = (overrides: Partial<VerdictEvidence>): VerdictEvidence => ({
  onlyA: 0,
  onlyB: 0,
  pValue: 1,
  pAdjusted: 1,
  sharedTasks: 50,
  sharedPass1Diff: 0,
  sharedPass1Low: -0.01,
  sharedPass1High: 0.01,
  sharedPValue: 1,
  sharedPAdjusted: 1,
  ...overrides,
});

describe('verdict rules (on Holm-adjusted p-values)', () => {
  it('says in the sentence when n = 1 makes the boundary only pass@1', () => {
    const one = verdictSentence({ family: 'all', budget: 'all', a: 'rl', b: 'base', k: 1 }, 'no difference', evidence({}));
    expect(one).toMatch(/at k=1 .*\. With n = 1 sample per task this boundary is only pass@1, not what the policy can do in many tries\.$/);
    expect(verdictSentence({ family: 'all', budget: '5', a: 'rl', b: 'base', k: 64 }, 'no difference', evidence({}))).not.toMatch(/n = 1/);
  });
  it('expansion: a gains significantly more boundary tasks than it loses', () => {
    expect(decideVerdict(evidence({ onlyA: 12, onlyB: 1, pValue: 0.003, pAdjusted: 0.01 }), 0.05)).toBe('expansion');
  });
  it('uses the adjusted p, not the raw one (bridge T = 5: raw .039, Holm-adjusted well above .05)', () => {
    expect(decideVerdict(evidence({ onlyA: 8, onlyB: 1, pValue: 0.039, pAdjusted: 0.86 }), 0.05)).toBe('no difference');
  });
  it('never hides a significant loss: expansion with a reliability loss, regression with a reliability gain', () => {
    const loss = { sharedPass1Diff: -0.052, sharedPass1Low: -0.097, sharedPass1High: -0.003, sharedPValue: 0.001, sharedPAdjusted: 0.02 };
    expect(decideVerdict(evidence({ onlyA: 12, onlyB: 1, pValue: 0.003, pAdjusted: 0.01, ...loss }), 0.05)).toBe('expansion with a reliability loss');
    const gain = { sharedPass1Diff: 0.05, sharedPValue: 0.001, sharedPAdjusted: 0.02 };
    expect(decideVerdict(evidence({ onlyA: 1, onlyB: 12, pValue: 0.003, pAdjusted: 0.01, ...gain }), 0.05)).toBe('regression with a reliability gain');
    // a shared difference in the same direction needs no qualifier; a non-significant one is not said
    expect(decideVerdict(evidence({ onlyA: 12, onlyB: 1, pAdjusted: 0.01, sharedPass1Diff: 0.05, sharedPAdjusted: 0.001 }), 0.05)).toBe('expansion');
    expect(decideVerdict(evidence({ onlyA: 12, onlyB: 1, pAdjusted: 0.01, sharedPass1Diff: -0.05, sharedPAdjusted: 0.2 }), 0.05)).toBe('expansion');
  });
  it('efficiency only / efficiency loss: the boundary does not move, pass@1 on shared tasks does', () => {
    expect(decideVerdict(evidence({ onlyA: 5, onlyB: 1, pValue: 0.219, pAdjusted: 1, sharedPass1Diff: 0.08, sharedPAdjusted: 0.001 }), 0.05)).toBe('efficiency only');
    expect(decideVerdict(evidence({ sharedPass1Diff: -0.05, sharedPAdjusted: 0.01 }), 0.05)).toBe('efficiency loss');
  });
  it('no difference otherwise, including no shared-task test (NaN)', () => {
    expect(decideVerdict(evidence({ onlyA: 5, onlyB: 1, pValue: 0.219, pAdjusted: 0.219 }), 0.05)).toBe('no difference');
    expect(decideVerdict(evidence({ sharedTasks: 0, sharedPass1Diff: NaN, sharedPValue: NaN, sharedPAdjusted: NaN }), 0.05)).toBe('no difference');
    expect(decideVerdict(evidence({ onlyA: 5, onlyB: 1, pValue: 0.219, pAdjusted: 0.219 }), 0.25)).toBe('expansion');
  });
  it('says it in a sentence with the raw and the adjusted numbers', () => {
    const sentence = verdictSentence(
      { family: 'bridge', budget: '5', a: 'rl', b: 'base', k: 64 },
      'no difference',
      evidence({ onlyA: 5, onlyB: 1, pValue: 14 / 64, pAdjusted: 1, sharedTasks: 70, sharedPass1Diff: -0.028, sharedPass1Low: -0.05, sharedPass1High: 0.004, sharedPValue: 0.06, sharedPAdjusted: 0.9 }),
    );
    expect(sentence).toBe(
      'bridge, T=5: rl vs base — no difference: rl solves 5 tasks base never does and base 1 that rl never does at k=64 (exact McNemar p=0.219, Holm-adjusted 1.000); ' +
        'pass@1 on the 70 tasks both solve -0.028 [-0.050, +0.004] (sign-flip p=0.060, Holm-adjusted 0.900).',
    );
  });
});

describe('verdict table', () => {
  it('tests pass@1 over the shared tasks, reads the boundary row\'s Holm-adjusted p and applies the rules', () => {
    const outcomes: Outcome[] = [];
    const shared = Array.from({ length: 40 }, (_, i) => `s${i}`);
    for (const task of shared) {
      outcomes.push({ policy: 'rl', task, family: 'bridge', budget: 5, mode: 'capped', n: 10, c: 8 });
      outcomes.push({ policy: 'base', task, family: 'bridge', budget: 5, mode: 'capped', n: 10, c: 4 });
    }
    const boundary: PairBoundary = { family: 'bridge', budget: 5, a: 'rl', b: 'base', k: 10, nMax: 10, onlyA: [], onlyB: [], both: shared, neither: [], excluded: [], pValue: 1, pHolm: 1, qBh: 1, atN: true };
    const { rows, sharedTests } = pairVerdicts(outcomes, [boundary], { resamples: 200, level: 0.95, alpha: 0.05, minSharedTasks: 5, permutations: 999, rng: createRng(3) });
    const [row] = rows;
    expect(sharedTests).toBe(1);
    expect(row).toMatchObject({ verdict: 'efficiency only', sharedTasks: 40, k: 10, both: 40 });
    expect(row?.sharedPass1Diff).toBeCloseTo(0.4, 12);
    // every shared task has the same difference, so every resample gives 0.4 …
    expect(row?.sharedPass1Low).toBeCloseTo(0.4, 12);
    // … and no random sign pattern reaches |Σ d| except all-plus / all-minus: p = 1 / (999 + 1)
    expect(row?.sharedPValue).toBe(1 / 1000);
    // one shared-task test in the run: Holm leaves it as it is
    expect(row?.sharedPAdjusted).toBe(1 / 1000);
    expect(row?.pAdjusted).toBe(1);
  });

  it('Holm within each family of claims: the boundary rows\' p_holm, and the shared-task tests among themselves', () => {
    // three families: expansion-like boundary 8:1 in each, 20 shared tasks with a small noisy difference
    const rng = createRng('verdict family');
    const outcomes: Outcome[] = [];
    for (const family of ['f1', 'f2', 'f3']) {
      for (let t = 0; t < 30; t++) {
        const task = `${family}-${t}`;
        const [a, b] = t < 8 ? [3, 0] : t < 9 ? [0, 3] : t < 29 ? [5 + rng.int(3), 5 + rng.int(3)] : [0, 0];
        outcomes.push({ policy: 'rl', task, family, budget: 5, mode: 'capped', n: 10, c: a });
        outcomes.push({ policy: 'base', task, family, budget: 5, mode: 'capped', n: 10, c: b });
      }
    }
    const boundaries = pairBoundaries(outcomes, [{ a: 'rl', b: 'base' }]);
    const { rows, sharedTests } = pairVerdicts(outcomes, boundaries, { resamples: 100, level: 0.95, alpha: 0.05, minSharedTasks: 5, permutations: 999, rng: createRng(1) });
    expect(sharedTests).toBe(3);
    const boundaryFamily = holmAdjust(rows.map((row) => row.pValue));
    const sharedFamily = holmAdjust(rows.map((row) => row.sharedPValue));
    rows.forEach((row, i) => {
      expect(row.pValue).toBeCloseTo(exactMcNemarP(8, 1), 15);
      expect(row.pAdjusted).toBe(boundaryFamily[i]);
      expect(row.pAdjusted).toBe(boundaries[i]!.pHolm);
      expect(row.sharedPAdjusted).toBe(sharedFamily[i]);
      // raw p = .039 would read "expansion"; adjusted over the 3 boundary tests it does not
      expect(row.verdict).not.toBe('expansion');
    });
    // boundary.csv's own adjustment: Holm and BH over the 3 boundary tests
    expect(boundaries.map((row) => row.pHolm)).toEqual(holmAdjust(boundaries.map((row) => row.pValue)));
  });
});
