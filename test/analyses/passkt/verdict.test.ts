import { describe, expect, it } from 'vitest';
import { pairVerdicts, type PairBoundary } from '../../../analyses/passkt/boundary-table';
import type { Outcome } from '../../../analyses/passkt/outcomes';
import { decideVerdict, verdictSentence, type VerdictEvidence } from '../../../analyses/passkt/verdict';
import { createRng } from '../../../analyses/random/rng';

const evidence = (overrides: Partial<VerdictEvidence>): VerdictEvidence => ({
  onlyA: 0,
  onlyB: 0,
  pValue: 1,
  sharedTasks: 50,
  sharedPass1Diff: 0,
  sharedPass1Low: -0.01,
  sharedPass1High: 0.01,
  ...overrides,
});

describe('verdict rules', () => {
  it('says in the sentence when n = 1 makes the boundary only pass@1', () => {
    const one = verdictSentence({ family: 'all', budget: 'all', a: 'rl', b: 'base', k: 1 }, 'no difference', evidence({}));
    expect(one).toMatch(/at k=1 .*\. With n = 1 sample per task this boundary is only pass@1, not what the policy can do in many tries\.$/);
    expect(verdictSentence({ family: 'all', budget: '5', a: 'rl', b: 'base', k: 64 }, 'no difference', evidence({}))).not.toMatch(/n = 1/);
  });
  it('expansion: a gains significantly more boundary tasks than it loses', () => {
    expect(decideVerdict(evidence({ onlyA: 12, onlyB: 1, pValue: 0.003 }), 0.05)).toBe('expansion');
  });
  it('regression: the boundary shrinks significantly', () => {
    expect(decideVerdict(evidence({ onlyA: 1, onlyB: 12, pValue: 0.003, sharedPass1Low: 0.1 }), 0.05)).toBe('regression');
  });
  it('efficiency only: the boundary does not move but pass@1 on shared tasks rises', () => {
    expect(decideVerdict(evidence({ onlyA: 5, onlyB: 1, pValue: 0.219, sharedPass1Diff: 0.08, sharedPass1Low: 0.03, sharedPass1High: 0.12 }), 0.05)).toBe('efficiency only');
  });
  it('efficiency loss: the boundary does not move but pass@1 on shared tasks falls', () => {
    expect(decideVerdict(evidence({ sharedPass1Diff: -0.05, sharedPass1Low: -0.09, sharedPass1High: -0.01 }), 0.05)).toBe('efficiency loss');
  });
  it('no difference otherwise, including a non-significant boundary gain or no shared tasks', () => {
    expect(decideVerdict(evidence({ onlyA: 5, onlyB: 1, pValue: 0.219 }), 0.05)).toBe('no difference');
    expect(decideVerdict(evidence({ sharedTasks: 0, sharedPass1Diff: NaN, sharedPass1Low: NaN, sharedPass1High: NaN }), 0.05)).toBe('no difference');
    // too few shared tasks for an efficiency verdict, whatever the interval says
    expect(decideVerdict(evidence({ sharedTasks: 4, sharedPass1Low: 0.2, sharedPass1High: 0.4 }), 0.05)).toBe('no difference');
    expect(decideVerdict(evidence({ sharedTasks: 4, sharedPass1Low: 0.2, sharedPass1High: 0.4 }), 0.05, 4)).toBe('efficiency only');
    // the level matters
    expect(decideVerdict(evidence({ onlyA: 5, onlyB: 1, pValue: 0.219 }), 0.25)).toBe('expansion');
  });
  it('says it in a sentence with the numbers', () => {
    const sentence = verdictSentence({ family: 'bridge', budget: '5', a: 'rl', b: 'base', k: 64 }, 'no difference', evidence({ onlyA: 5, onlyB: 1, pValue: 14 / 64, sharedTasks: 70, sharedPass1Diff: -0.028, sharedPass1Low: -0.05, sharedPass1High: 0.004 }));
    expect(sentence).toBe('bridge, T=5: rl vs base — no difference: rl solves 5 tasks base never does and base 1 that rl never does at k=64 (exact McNemar p=0.219); pass@1 on the 70 tasks both solve -0.028 [-0.050, +0.004].');
  });
});

describe('verdictTable', () => {
  it('bootstraps pass@1 over the shared tasks and applies the rules', () => {
    const outcomes: Outcome[] = [];
    const shared = Array.from({ length: 40 }, (_, i) => `s${i}`);
    for (const task of shared) {
      outcomes.push({ policy: 'rl', task, family: 'bridge', budget: 5, mode: 'capped', n: 10, c: 8 });
      outcomes.push({ policy: 'base', task, family: 'bridge', budget: 5, mode: 'capped', n: 10, c: 4 });
    }
    const boundary: PairBoundary = { family: 'bridge', budget: 5, a: 'rl', b: 'base', k: 10, nMax: 10, onlyA: [], onlyB: [], both: shared, neither: [], excluded: [], pValue: 1, atN: true };
    const [row] = pairVerdicts(outcomes, [boundary], { resamples: 200, level: 0.95, alpha: 0.05, minSharedTasks: 5, rng: createRng(3) });
    expect(row).toMatchObject({ verdict: 'efficiency only', sharedTasks: 40, k: 10, both: 40 });
    expect(row?.sharedPass1Diff).toBeCloseTo(0.4, 12);
    // every shared task has the same difference, so every resample gives 0.4
    expect(row?.sharedPass1Low).toBeCloseTo(0.4, 12);
    expect(row?.sharedPass1High).toBeCloseTo(0.4, 12);
  });
});
