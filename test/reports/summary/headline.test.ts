import { describe, expect, it } from 'vitest';
import type { DecompositionRow } from '../../../analyses/mechanism/decomposition-rows';
import type { RetrievalDecompositionRow } from '../../../analyses/mechanism/retrieval-rows';
import type { CrossoverRow } from '../../../pipeline/tables/crossover';
import type { PasskRow, ReportData } from '../../../reports/data/tables';
import { boundaryClause, crossoverClause, decompositionOf, familyHeadlines, referencePolicy, verdictEvidence, type VerdictRow } from '../../../reports/summary/headline';

const verdict = (over: Partial<VerdictRow> = {}): VerdictRow => ({
  family: 'bridge', budget: 5, policy_a: 'rl', policy_b: 'base', verdict: 'expansion', k: 64, only_a: 8, only_b: 1, both: 50, neither: 5, p_value: 0.039,
  shared_tasks: 60, shared_pass1_diff: -0.03, shared_ci_low: -0.06, shared_ci_high: 0.0, p_adj: 0.039, shared_p_value: 0.2, shared_p_adj: 1, ...over,
});
const term = <N extends string>(name: N, value: number) => ({ [name]: value, [`${name}_lo`]: value - 0.02, [`${name}_hi`]: value + 0.02 }) as Record<N | `${N}_lo` | `${N}_hi`, number>;
const decomposition = (over: Partial<DecompositionRow> = {}): DecompositionRow => ({
  scheme: 'label', family: 'bridge', budget: 5, policy_a: 'base', policy_b: 'rl', variant: 'symmetric', acc_a: 0.36, acc_b: 0.33,
  ...term('total', -0.03), ...term('reweighting', 0.03), ...term('within', -0.06), ...term('support', 0), new_share: 0, lost_share: 0,
  new_strategies: '', lost_strategies: '', thin: '', tasks: 20, episodes_a: 320, episodes_b: 320, ...over,
});
const crossover = (over: Partial<CrossoverRow> = {}): CrossoverRow => ({
  family: 'bridge', budget: 5, policy_a: 'rl', policy_b: 'base', crossover_k: 3, status: 'crosses', diff_at_1: -0.028, diff_at_max: 0.07, k_max: 64,
  crossover_k_low: 1, crossover_k_high: 5, significant: false, tolerance: 1e-9, ...over,
});
const base: ReportData = { problems: {}, shortenedNames: [], provenance: { kind: 'simulated', sourceStage: 'simulate', basis: '', inputs: [], counts: { read: 0, accepted: 0, rejected: 0 }, rejectReasons: [], stages: [] } };

describe('headline sentences', () => {
  it('states the boundary verdict with its counts and p-value, raw and Holm-adjusted', () => {
    expect(boundaryClause(verdict()).text).toBe('it can do more: the capability boundary expands — 8 tasks only rl solves in 64 tries vs 1 only base solves (p = .04, Holm-adjusted p = .04)');
    expect(verdictEvidence(verdict({ p_adj: 0.078 })).p).toBe('p = .04, Holm-adjusted p = .08');
    expect(boundaryClause(verdict({ verdict: 'expansion with a reliability loss' })).text).toMatch(/^it can do more but is less reliable: .*pass@1 on shared tasks falls \(pass@1 −\.030 on the 60 tasks both solve\)/);
    expect(boundaryClause(verdict({ verdict: 'efficiency loss', only_a: 1, only_b: 0 })).text).toMatch(/^same capability boundary, less reliable \(pass@1 −\.030 on the 60 tasks both solve\) — 1 task only rl/);
    expect(boundaryClause(verdict()).figure).toBe('boundary');
  });

  it('words every crossover status with its interval and significance', () => {
    expect(crossoverClause(crossover())).toBe(
      'below base at k = 1 (−.028), the curves cross at k = 3 [95% interval 1, 5], a crossing within the noise (the difference is not significant at any k up to there)',
    );
    expect(crossoverClause(crossover({ significant: true, crossover_k_high: null }))).toBe('below base at k = 1 (−.028), the curves cross at k = 3 [95% interval 1, beyond 64]');
    expect(crossoverClause(crossover({ status: 'above', crossover_k: null, significant: true }))).toBe('at or above base at every k');
    expect(crossoverClause(crossover({ status: 'below', crossover_k: null, significant: true }))).toBe('below base up to k = 64');
    expect(crossoverClause(crossover({ status: 'converge', crossover_k: null }))).toBe('apart from base at k = 1 (−.028), both solving every task by k = 64');
    expect(crossoverClause(crossover({ status: 'none', crossover_k: null }))).toBeNull();
  });

  it('reads a decomposition as compared − reference whichever way round the pair is stored', () => {
    const stored = decomposition();
    expect(decompositionOf(stored, 'rl')(stored.within)).toBeCloseTo(-0.06);
    // The same numbers stored with rl as a and total = a − b.
    const flipped = decomposition({ policy_a: 'rl', policy_b: 'base', acc_a: 0.33, acc_b: 0.36 });
    expect(decompositionOf(flipped, 'rl')(flipped.within)).toBeCloseTo(-0.06);
    // rl as a but total = b − a (base − rl): negate.
    const reversed = decomposition({ policy_a: 'rl', policy_b: 'base', acc_a: 0.33, acc_b: 0.36, total: 0.03, within: 0.06 });
    expect(decompositionOf(reversed, 'rl')(reversed.within)).toBeCloseTo(-0.06);
  });

  it('picks the most common reference and builds one comparison per other policy, in family order', () => {
    const verdicts = [verdict(), verdict({ policy_a: 'sft', verdict: 'regression', only_a: 2, only_b: 16, p_value: 0.001 }), verdict({ policy_a: 'rl', policy_b: 'sft' }), verdict({ family: 'comparison', verdict: 'no difference', p_value: 1 })];
    expect(referencePolicy(verdicts)).toBe('base');
    const retrieval = {
      family: 'bridge', budget: 5, policy_a: 'base', policy_b: 'rl', label: 'all', definition: 'gold_docs', acc_a: 0.36, acc_b: 0.33, ...term('total', -0.03), ...term('retrieval', 0.07), ...term('integration', -0.1),
    } as unknown as RetrievalDecompositionRow;
    const headlines = familyHeadlines({ ...base, verdicts, crossover: [crossover()], decomposition: [decomposition()], retrievalDecomposition: [retrieval] });
    expect(headlines.map((h) => h.family)).toEqual(['bridge', 'comparison']);
    const bridge = headlines[0]!;
    expect(bridge.budget).toBe('T = 5');
    expect(bridge.comparisons.map((c) => `${c.compared} vs ${c.reference}`)).toEqual(['rl vs base', 'sft vs base']);
    expect(bridge.comparisons[0]!.clauses.map((c) => [c.text, c.figure])).toEqual([
      ['it can do more: the capability boundary expands — 8 tasks only rl solves in 64 tries vs 1 only base solves (p = .04, Holm-adjusted p = .04)', 'boundary'],
      ['below base at k = 1 (−.028), the curves cross at k = 3 [95% interval 1, 5], a crossing within the noise (the difference is not significant at any k up to there)', 'pass-vs-k'],
      ['accuracy −.030, mostly within-strategy −.060', 'decomposition'],
      ['retrieval +.070, integration −.100', 'retrieval-decomposition'],
    ]);
    expect(bridge.comparisons[1]!.clauses[0]!.text).toMatch(/^it can do less: the capability boundary shrinks — 2 tasks only sft/);
  });

  it('states PASS values for a family with one policy', () => {
    const passkt = [1, 2, 4].map((k) => ({ policy: 'base', family: 'all', budget: 3, k, pass: 0.2 * k, ci_low: null, ci_high: null, tasks: 10, mode: 'capped' })) as unknown as PasskRow[];
    const [only] = familyHeadlines({ ...base, passkt });
    expect(only!.comparisons).toEqual([{ compared: 'base', reference: null, clauses: [{ text: 'solves .200 of the tasks in one try and .800 at least once in 4 (no policy to compare with)', figure: 'pass-vs-k' }] }]);
  });
});
