/**
 * Planted truth, with the project's own tiny generator: each scenario changes one mechanism between
 * two policies, and the decompositions must put the difference in the right term while the wrong
 * terms' 95% intervals contain 0.
 */
import { describe, expect, it } from 'vitest';
import { compareGroups, type CompareOutput } from '../../../analyses/mechanism/compare-group';
import { createRng } from '../../../analyses/random/rng';
import { groupRows } from './group-helper';
import { generatePlanted, type PlantedPolicy } from './planted-generator';

const BASE: PlantedPolicy = {
  name: 'base',
  mixture: { 'no-search': 0.1, 'single-shot': 0.4, reformulate: 0.2, parallel: 0.1, sequential: 0.2 },
  queryQuality: 0.8,
  integration: 0.6,
  guess: 0.1,
};

function run(other: Partial<PlantedPolicy>, seed: string): CompareOutput {
  const episodes = generatePlanted([BASE, { ...BASE, name: 'rl', ...other }], 60, 12, createRng(seed));
  const strategy = new Map(episodes.map((e) => [e.row.id, e.strategy]));
  const groups = groupRows(episodes.map((e) => e.row), ['label'], (row) => [strategy.get(row.id)!]);
  return compareGroups(groups, { base: 'base', resamples: 400, level: 0.95, rng: createRng(`${seed}/bootstrap`), definitions: new Map([['bridge', 'gold_docs']]) });
}

type Row = object;
const num = (row: Row, column: string) => (row as Record<string, number>)[column] as number;
const containsZero = (row: Row, term: string) => num(row, `${term}_lo`) <= 0 && num(row, `${term}_hi`) >= 0;
const positive = (row: Row, term: string) => num(row, `${term}_lo`) > 0;
const shiftShareRow = (out: CompareOutput, variant = 'b_ref') => out.decomposition.find((r) => r.variant === variant)!;
const retrievalRow = (out: CompareOutput) => out.retrieval.find((r) => r.label === 'all')!;

describe('planted truth (own generator)', () => {
  it('(a) only integration changed: within-strategy and integration carry the gain', () => {
    const out = run({ integration: 0.8 }, 'planted-a');
    for (const variant of ['b_ref', 'symmetric']) {
      const d = shiftShareRow(out, variant);
      expect(positive(d, 'within')).toBe(true);
      expect(containsZero(d, 'reweighting')).toBe(true);
      expect(d.support).toBe(0);
    }
    const r = retrievalRow(out);
    expect(positive(r, 'integration')).toBe(true);
    expect(containsZero(r, 'retrieval')).toBe(true);
    // Planted integration gain .2 weighted by the retrieval rate (≈ .45 here).
    expect(num(r, 'integration_retrieved')).toBeGreaterThan(0.05);
    expect(num(r, 'integration_retrieved')).toBeLessThan(0.15);
  });

  it('(b) only the strategy mixture changed: reweighting carries the gain', () => {
    const out = run({ mixture: { 'no-search': 0.02, 'single-shot': 0.13, reformulate: 0.15, parallel: 0.1, sequential: 0.6 } }, 'planted-b');
    for (const variant of ['b_ref', 'symmetric']) {
      const d = shiftShareRow(out, variant);
      expect(positive(d, 'reweighting')).toBe(true);
      expect(containsZero(d, 'within')).toBe(true);
    }
    // Integration skill is the same, and here it does not depend on the strategy.
    const r = retrievalRow(out);
    expect(positive(r, 'retrieval')).toBe(true);
    expect(containsZero(r, 'integration')).toBe(true);
    const sequential = out.frequencies.find((f) => f.strategy === 'sequential')!;
    expect(num(sequential, 'share_diff_lo')).toBeGreaterThan(0);
    expect(num(sequential, 'p_value')).toBeLessThan(1e-6);
  });

  it('(c) only query quality changed: within-strategy and retrieval carry the gain', () => {
    const out = run({ queryQuality: 1.1 }, 'planted-c');
    for (const variant of ['b_ref', 'symmetric']) {
      const d = shiftShareRow(out, variant);
      expect(positive(d, 'within')).toBe(true);
      expect(containsZero(d, 'reweighting')).toBe(true);
    }
    const r = retrievalRow(out);
    expect(positive(r, 'retrieval')).toBe(true);
    expect(containsZero(r, 'integration')).toBe(true);
    // Same mixture: the homogeneity test finds nothing.
    const freq = out.frequencies[0]!;
    expect(num(freq, 'p_value')).toBeGreaterThan(0.05);
  });

  it('a strategy new in the compared policy lands whole in the new / lost term, in every variant', () => {
    const out = run({ mixture: { ...BASE.mixture, verify: 0.5 } }, 'planted-new');
    const verify = out.frequencies.find((f) => f.strategy === 'verify')!;
    expect(verify.support).toBe('gained');
    for (const variant of ['a_ref', 'b_ref', 'symmetric']) {
      const d = shiftShareRow(out, variant);
      expect(d.policy_a).toBe('rl');
      expect(d.new_strategies).toBe('verify');
      expect(num(d, 'new_share')).toBeCloseTo(num(verify, 'share_a'), 12);
      expect(num(d, 'support')).toBeCloseTo(num(verify, 'share_a') * num(verify, 'acc_a'), 12);
      expect(positive(d, 'support')).toBe(true);
    }
  });

  it('no change: every term of every decomposition has an interval containing 0', () => {
    const out = run({}, 'planted-null');
    for (const variant of ['a_ref', 'b_ref', 'symmetric']) {
      const d = shiftShareRow(out, variant);
      for (const term of ['total', 'reweighting', 'within']) expect(containsZero(d, term)).toBe(true);
    }
    const r = retrievalRow(out);
    for (const term of ['total', 'retrieval', 'integration']) expect(containsZero(r, term)).toBe(true);
  });
});
