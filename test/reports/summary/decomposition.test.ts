/**
 * One decomposition everywhere: the console summary, `inspect compare`, the report's key numbers and
 * Figure 6a show the same symmetric shift-share numbers for every comparison (here of a planted
 * comparison computed by the compare analyses).
 */
import { describe, expect, it } from 'vitest';
import { compareGroups } from '../../../analyses/mechanism/compare-group';
import { compareHeadlines } from '../../../analyses/mechanism/headline';
import { createRng } from '../../../analyses/random/rng';
import { decomposition as figure6a } from '../../../reports/figures/decomposition';
import type { ReportData } from '../../../reports/data/tables';
import { decompositionLines } from '../../../reports/summary/decomposition';
import { groupRows } from '../../analyses/mechanism/group-helper';
import { generatePlanted, type PlantedPolicy } from '../../analyses/mechanism/planted-generator';

const BASE: PlantedPolicy = { name: 'base', mixture: { 'single-shot': 0.5, sequential: 0.3, verify: 0.2 }, queryQuality: 0.8, integration: 0.6, guess: 0.1 };
const SFT: PlantedPolicy = { name: 'sft', mixture: { 'single-shot': 0.8, sequential: 0.2 }, queryQuality: 0.7, integration: 0.5, guess: 0.1 };

/** The signed three-decimal numbers of a text, in order, whatever the style (`-0.027` or `−.027`). */
function numbers(text: string): number[] {
  return [...text.matchAll(/[+−-]?\d*\.\d{3}(?!\d)/g)].map((m) => Number(m[0].replace('−', '-')) + 0);
}

describe('the symmetric decomposition is the same in every place that shows it', () => {
  const episodes = generatePlanted([BASE, SFT, { ...BASE, name: 'rl', integration: 0.7 }], 40, 8, createRng('everywhere'));
  const strategy = new Map(episodes.map((e) => [e.row.id, e.strategy]));
  const groups = groupRows(episodes.map((e) => e.row), ['label'], (row) => [strategy.get(row.id)!]);
  const output = compareGroups(groups, { base: 'base', resamples: 200, level: 0.95, rng: createRng('everywhere/b'), definitions: new Map([['bridge', 'gold_docs']]) });
  const tables = { decomposition: output.decomposition, retrieval: output.retrieval, frequencies: output.frequencies };
  const symmetric = output.decomposition.filter((row) => row.variant === 'symmetric');

  it('console, inspect, key numbers and Figure 6a give the same terms and intervals', () => {
    const consoleLines = compareHeadlines(tables, { largestBudgetOnly: true, details: false }).slice(1);
    const inspectLines = compareHeadlines(tables).filter((line) => !line.startsWith(' ')).slice(1);
    const keyNumbers = decompositionLines(output.decomposition);
    const data = { decomposition: output.decomposition, problems: {}, provenance: { stages: [] } } as unknown as ReportData;
    const outcome = figure6a.build({ data, paperReference: null });
    if (outcome.kind !== 'figure') throw new Error(outcome.reason);
    const bars = (outcome.spec as { data: { values: { pair: string; term: string; value: number; lo: number; hi: number }[] } }).data.values;
    expect(symmetric).toHaveLength(2);
    for (const row of symmetric) {
      // console: `… accuracy total = reweighting v [lo, hi] + within-strategy v [lo, hi] + new/lost v [lo, hi] …`
      const expected = [row.total, row.reweighting, row.reweighting_lo, row.reweighting_hi, row.within, row.within_lo, row.within_hi, row.support, row.support_lo, row.support_hi].map((v) => Number((v as number).toFixed(3)) + 0);
      const consoleLine = consoleLines.find((line) => line.includes(`${row.policy_a} vs base`))!;
      expect(numbers(consoleLine.split('; retrieval')[0]!).slice(0, 10)).toEqual(expected);
      expect(inspectLines.find((line) => line.includes(`${row.policy_a} vs base`))).toBe(consoleLine);
      const keyLine = keyNumbers.find((line) => line.includes(`${row.policy_a} vs base`))!;
      expect(numbers(keyLine).slice(0, 10)).toEqual(expected);
      expect(outcome.caption).toContain(keyLine);
      const pair = bars.filter((bar) => bar.pair === `a = ${row.policy_a}, b = base`);
      expect(pair.find((bar) => bar.term === 'new / lost')?.value).toBe(row.support);
      expect(pair.find((bar) => bar.term === 'within-strategy')?.lo).toBe(row.within_lo);
    }
    // sft never verifies: verify is lost, counted whole in new / lost, and named with the share of base's episodes it held
    const sft = symmetric.find((row) => row.policy_a === 'sft')!;
    expect(sft.lost_strategies).toBe('verify');
    expect(keyNumbers.find((line) => line.includes('sft vs base'))).toMatch(/lost by sft: verify, \d+\.\d% of base’s episodes/);
    expect(consoleLines.find((line) => line.includes('sft vs base'))).toMatch(/lost by sft: verify \(\d+\.\d% of base's episodes\)/);
  });
});
