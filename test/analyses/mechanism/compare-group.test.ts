import { describe, expect, it } from 'vitest';
import { compareGroup, compareGroups } from '../../../analyses/mechanism/compare-group';
import { homogeneityTest } from '../../../analyses/mechanism/homogeneity';
import { createRng } from '../../../analyses/random/rng';
import { groupRows } from './group-helper';
import { generatePlanted, type PlantedPolicy } from './planted-generator';

const LABELS = ['no-search', 'single-shot', 'reformulate', 'parallel', 'sequential', 'verify'];

function randomPolicy(name: string, rng: ReturnType<typeof createRng>): PlantedPolicy {
  const mixture: Record<string, number> = {};
  // Random supports so that strategies are gained and lost between policies.
  for (const label of LABELS) if (rng.next() < 0.6) mixture[label] = rng.next();
  if (Object.keys(mixture).length === 0) mixture['single-shot'] = 1;
  return { name, mixture, queryQuality: 0.5 + rng.next(), integration: rng.next(), guess: 0.3 * rng.next() };
}

function randomComparison(seed: string, resamples = 50) {
  const rng = createRng(seed);
  const policies = [randomPolicy('base', rng), randomPolicy('rl', rng), randomPolicy('sft', rng)];
  const episodes = generatePlanted(policies, 5 + rng.int(15), 1 + rng.int(6), rng);
  const strategy = new Map(episodes.map((e) => [e.row.id, e.strategy]));
  const cluster = new Map(episodes.map((e) => [e.row.id, String(rng.int(4))]));
  const groups = groupRows(episodes.map((e) => e.row), ['label', 'cluster'], (row) => [strategy.get(row.id)!, cluster.get(row.id)!]);
  const options = { base: 'base', resamples, level: 0.95, rng: createRng(`${seed}/b`), definitions: new Map([['bridge', 'gold_docs' as const]]) };
  return { episodes, groups, options, output: compareGroups(groups, options) };
}

describe('compareGroups', () => {
  it('every decomposition row adds up to its total to 1e-12 (random data, point estimates)', () => {
    let rows = 0;
    for (let trial = 0; trial < 60; trial++) {
      const { output } = randomComparison(`additivity ${trial}`, 5);
      for (const row of output.decomposition) {
        const sum = (row.reweighting as number) + (row.within as number) + (row.support as number);
        expect(Math.abs(sum - (row.total as number))).toBeLessThan(1e-12);
        expect(Math.abs((row.total as number) - ((row.acc_a as number) - (row.acc_b as number)))).toBeLessThan(1e-15);
        rows += 1;
      }
      for (const row of output.retrieval) {
        const sum = (row.retrieval as number) + (row.integration as number);
        expect(Math.abs(sum - (row.total as number))).toBeLessThan(1e-12);
        rows += 1;
      }
    }
    expect(rows).toBeGreaterThan(500);
  });

  it('writes one frequency row per strategy either policy used, with counts and the homogeneity test', () => {
    const { episodes, output } = randomComparison('frequency rows');
    const rows = output.frequencies.filter((r) => r.scheme === 'label' && r.policy_a === 'rl');
    const count = (policy: string, label: string) => episodes.filter((e) => e.row.policy === policy && e.strategy === label).length;
    const used = LABELS.filter((l) => count('base', l) + count('rl', l) > 0);
    expect(rows.map((r) => r.strategy).sort()).toEqual([...used].sort());
    for (const row of rows) {
      expect(row.count_a).toBe(count('rl', row.strategy as string));
      expect(row.count_b).toBe(count('base', row.strategy as string));
      expect(row.support).toBe(row.count_b === 0 ? 'gained' : row.count_a === 0 ? 'lost' : 'both');
      expect(row.share_a).toBeCloseTo((row.count_a as number) / (row.episodes_a as number), 14);
    }
    const test = homogeneityTest([rows.map((r) => r.count_a as number), rows.map((r) => r.count_b as number)]);
    expect(rows[0]!.chi2).toBeCloseTo(test.chi2, 12);
    // the naive p is Pearson's; the reported one is Rao–Scott corrected (tested in rao-scott.test.ts)
    expect(rows[0]!.p_naive).toBeCloseTo(test.p_value, 12);
    expect(rows[0]!.chi2_rs).toBeCloseTo(test.chi2 / (rows[0]!.design_effect as number), 12);
  });

  it('compares every non-base policy, under every scheme, with three shift-share variants', () => {
    const { output } = randomComparison('shape');
    expect(new Set(output.decomposition.map((r) => `${r.scheme}/${r.policy_a}/${r.variant}`)).size).toBe(2 * 2 * 3);
    // one sign convention: policy_b is the base policy, policy_a the compared one
    expect(output.decomposition.every((r) => r.policy_b === 'base' && r.policy_a !== 'base')).toBe(true);
    expect(output.frequencies.every((r) => r.policy_b === 'base')).toBe(true);
    expect(output.retrieval.every((r) => r.policy_b === 'base')).toBe(true);
    expect(output.retrieval.filter((r) => r.label === 'all')).toHaveLength(2);
  });

  it('per-label retrieval rows decompose the accuracy difference within that label', () => {
    const { episodes, output } = randomComparison('per label');
    for (const row of output.retrieval.filter((r) => r.label !== 'all')) {
      const within = (policy: string) => episodes.filter((e) => e.row.policy === policy && e.strategy === row.label);
      const acc = (policy: string) => within(policy).filter((e) => e.row.correct).length / within(policy).length;
      expect(row.acc_a).toBeCloseTo(acc(row.policy_a as string), 14);
      expect(row.acc_b).toBeCloseTo(acc(row.policy_b as string), 14);
    }
  });

  it('is deterministic and does not depend on the order of the groups', () => {
    const first = randomComparison('determinism');
    const again = compareGroups([...first.groups].reverse(), { ...first.options, rng: createRng('determinism/b') });
    expect(again).toEqual(first.output);
  });

  it('notes groups without the base policy or without a retrieval definition', () => {
    const { groups, options } = randomComparison('notes');
    const out = compareGroup(groups[0]!, { ...options, base: 'nobody' });
    expect(out.notes[0]).toMatch(/no episodes of the base policy 'nobody'/);
    expect(out.decomposition).toHaveLength(0);
    const noDefinition = compareGroup(groups[0]!, { ...options, definitions: new Map() });
    expect(noDefinition.retrieval).toHaveLength(0);
    expect(noDefinition.notes.join()).toMatch(/no retrieval definition/);
  });

  it('gives ordered, finite intervals for the totals', () => {
    const { output } = randomComparison('intervals', 200);
    for (const row of output.decomposition) {
      expect(Number.isFinite(row.total_lo)).toBe(true);
      for (const term of ['total', 'reweighting', 'within', 'support'] as const) {
        expect(row[`${term}_lo`] as number).toBeLessThanOrEqual(row[`${term}_hi`] as number);
      }
    }
  });
});
