/**
 * The per-policy strategy statistics behind figures 5a and 5b, read from `compare_frequencies.csv`
 * (rows compare a pair of policies; each policy's own share and success rate are taken from them once),
 * and the panel layout both figures draw them in.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { FrequencyRow } from '../../analyses/mechanism/frequency-rows';
import { budgetLabel, headlineBudgets, orderFamilies } from '../data/select';
import type { Budget } from '../data/tables';
import { orderPolicies } from '../theme/colors';
import { MAX_COLUMNS, envelope, panelHeader, panelLabel } from './common';

const WIDTH = 120;

/** One strategy of one policy in one family at the headline budget. */
export interface StrategyStat {
  family: string;
  budget: Budget;
  policy: string;
  strategy: string;
  count: number;
  share: number;
  share_lo: number | null;
  share_hi: number | null;
  acc: number | null;
  acc_lo: number | null;
  acc_hi: number | null;
}

/** Per-policy statistics of the rule labels (scheme `label`) at each family's largest budget. */
export function strategyStats(rows: readonly FrequencyRow[], scheme = 'label'): StrategyStat[] {
  const ofScheme = rows.filter((row) => row.scheme === scheme);
  const budgets = headlineBudgets(ofScheme);
  const stats = new Map<string, StrategyStat>();
  for (const row of ofScheme) {
    if (budgets.get(row.family) !== row.budget) continue;
    // the reference (b, the base policy) first, then the compared policy
    const sides = [
      { policy: row.policy_b, count: row.count_b, share: row.share_b, share_lo: row.share_b_lo, share_hi: row.share_b_hi, acc: row.acc_b, acc_lo: row.acc_b_lo, acc_hi: row.acc_b_hi },
      { policy: row.policy_a, count: row.count_a, share: row.share_a, share_lo: row.share_a_lo, share_hi: row.share_a_hi, acc: row.acc_a, acc_lo: row.acc_a_lo, acc_hi: row.acc_a_hi },
    ];
    for (const side of sides) {
      const key = `${row.family}\u0000${side.policy}\u0000${row.strategy}`;
      if (!stats.has(key)) stats.set(key, { family: row.family, budget: row.budget, strategy: row.strategy, ...side });
    }
  }
  return [...stats.values()];
}

/** The layout of figures 5a and 5b: a panel per family at its headline budget, a band per strategy, a policy offset in each band. */
export interface StrategyPanels {
  families: string[];
  policies: string[];
  /** The y encoding: one band per strategy, alphabetical. */
  y: Record<string, unknown>;
  /** The y offset: one slot per policy inside a strategy band. */
  yOffset: Record<string, unknown>;
  /** Writes the spec: the stats (with their panel label) as data, `layer` drawing each panel, `xTitle` once under the panels. */
  spec(description: string, xTitle: string, layer: readonly object[]): TopLevelSpec;
}

/** Lays out per-policy strategy statistics in family panels. */
export function strategyPanels(stats: readonly StrategyStat[]): StrategyPanels {
  const families = orderFamilies(stats.map((s) => s.family));
  const policies = orderPolicies(stats.map((s) => s.policy));
  const strategies = [...new Set(stats.map((s) => s.strategy))].sort();
  const panel = (family: string) => panelLabel([`${family} · ${budgetLabel(stats.find((s) => s.family === family)!.budget)}`]);
  const y = { field: 'strategy', type: 'nominal', sort: strategies, axis: { title: null } };
  const yOffset = { field: 'policy', sort: policies };
  const spec = (description: string, xTitle: string, layer: readonly object[]) =>
    envelope(description, {
      data: { values: stats.map((s) => ({ ...s, panel: panel(s.family) })) },
      facet: { field: 'panel', type: 'nominal', sort: families.map(panel), header: panelHeader(xTitle, WIDTH) },
      columns: Math.min(families.length, MAX_COLUMNS),
      spacing: 8,
      spec: { width: WIDTH, height: { step: 18 }, layer },
    });
  return { families, policies, y, yOffset, spec };
}
