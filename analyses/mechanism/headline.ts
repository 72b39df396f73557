/**
 * The compare stage's headline lines: per family, budget and policy, the symmetric (Shapley)
 * shift-share decomposition of acc_a − acc_b (a: the compared policy, b: the base policy) with the
 * strategies behind its new / lost term, then retrieval vs integration (with and without the
 * evidence), read back from the stage's CSV rows (so it shows exactly what was written).
 */
import { type Budget, compareBudgets } from '../budget';
import { compareText } from '../stats/compare-text';
import { fixed, percent, pValueText, signed } from '../stats/format';
import type { ComparisonKey } from './comparison-key';
import type { DecompositionRow } from './decomposition-rows';
import type { FrequencyRow } from './frequency-rows';
import type { RetrievalDecompositionRow } from './retrieval-rows';
import type { ThinThresholds } from './thin-terms';

function interval<R, T extends string>(row: R & Record<`${T}_lo` | `${T}_hi`, number | null>, term: T): string {
  const lo = row[`${term}_lo` as const] as number | null;
  const hi = row[`${term}_hi` as const] as number | null;
  return `[${signed(lo)}, ${signed(hi)}]`;
}

function budgetText(budget: Budget): string {
  return budget === 'all' ? 'uncapped' : `T=${budget}`;
}

function keyOf(row: ComparisonKey): string {
  return JSON.stringify([row.family, row.budget, row.policy_a, row.policy_b]);
}

/** The rows of the compare stage's three tables. */
export interface CompareTables {
  decomposition: readonly DecompositionRow[];
  retrieval: readonly RetrievalDecompositionRow[];
  frequencies: readonly FrequencyRow[];
}

/** What the headline shows. */
export interface HeadlineOptions {
  /** Strategy scheme shown (default `label`, else the first present). */
  scheme?: string;
  /** Only the largest budget of each family (a short summary for the end of a run). */
  largestBudgetOnly?: boolean;
  /** The other variants' and the frequency test's lines under each headline (default true). */
  details?: boolean;
  /** The thresholds behind the `(thin)` marks, for the legend line. */
  thin?: ThinThresholds;
}

/** `term +0.010 [-0.010, +0.030]`, with `(thin)` when the row flags it. */
function term(row: DecompositionRow, name: 'reweighting' | 'within' | 'support', label: string): string {
  const thin = row.thin.split(';').includes(name) ? ' (thin)' : '';
  return `${label} ${signed(row[name])} ${interval(row, name)}${thin}`;
}

/** The symmetric decomposition of one comparison: `= reweighting … + within-strategy … + new/lost …` and what new / lost holds. */
export function decompositionText(row: DecompositionRow): string {
  const text = ` = ${term(row, 'reweighting', 'reweighting')} + ${term(row, 'within', 'within-strategy')} + ${term(row, 'support', 'new/lost')}`;
  const held: string[] = [];
  if (row.new_strategies) held.push(`new in ${row.policy_a}: ${row.new_strategies.split(';').join(', ')} (${percent(row.new_share)} of ${row.policy_a}'s episodes)`);
  if (row.lost_strategies) held.push(`lost by ${row.policy_a}: ${row.lost_strategies.split(';').join(', ')} (${percent(row.lost_share)} of ${row.policy_b}'s episodes)`);
  return `${text}${held.length > 0 ? ` (${held.join('; ')})` : ''}`;
}

/** Retrieval vs integration of one comparison, integration split into with and without the evidence. */
export function retrievalText(row: RetrievalDecompositionRow): string {
  return (
    `retrieval ${signed(row.retrieval)} ${interval(row, 'retrieval')}, integration ${signed(row.integration)} ${interval(row, 'integration')}` +
    ` (with the evidence ${signed(row.integration_retrieved)} ${interval(row, 'integration_retrieved')}, without ${signed(row.integration_missed)} ${interval(row, 'integration_missed')})`
  );
}

/** Headline lines, one per family, budget and policy (plus detail lines). */
export function compareHeadlines(tables: CompareTables, options: HeadlineOptions = {}): string[] {
  const { scheme, largestBudgetOnly = false, details = true } = options;
  const schemes = [...new Set(tables.decomposition.map((row) => row.scheme))];
  const shown = scheme ?? (schemes.includes('label') ? 'label' : schemes[0]);
  const byVariant = (variant: string) =>
    new Map(tables.decomposition.filter((r) => r.scheme === shown && r.variant === variant).map((r) => [keyOf(r), r]));
  const symmetric = byVariant('symmetric');
  const aRef = byVariant('a_ref');
  const bRef = byVariant('b_ref');
  const retrieval = new Map(tables.retrieval.filter((r) => r.label === 'all').map((r) => [keyOf(r), r]));
  const frequency = new Map<string, FrequencyRow[]>();
  for (const row of tables.frequencies.filter((r) => r.scheme === shown)) {
    const list = frequency.get(keyOf(row)) ?? [];
    list.push(row);
    frequency.set(keyOf(row), list);
  }
  const keys = new Map<string, ComparisonKey>();
  for (const row of [...symmetric.values(), ...retrieval.values()]) if (!keys.has(keyOf(row))) keys.set(keyOf(row), row);
  const largest = new Map<string, Budget>();
  for (const row of keys.values()) {
    const current = largest.get(row.family);
    if (current === undefined || compareBudgets(row.budget, current) > 0) largest.set(row.family, row.budget);
  }
  const ordered = [...keys].filter(([, row]) => !largestBudgetOnly || largest.get(row.family) === row.budget).sort(
    ([, x], [, y]) => compareText(x.family, y.family) || compareBudgets(x.budget, y.budget) || compareText(x.policy_a, y.policy_a),
  );
  if (ordered.length === 0) return ['no comparisons (is the base policy in the data?)'];
  const thin = options.thin ? `; (thin): the term rests on strategy cells with fewer than ${options.thin.minTasks} tasks or ${options.thin.minEpisodes} episodes` : '';
  const lines = [
    shown
      ? `strategy scheme: ${shown}; accuracy of a − b = symmetric (Shapley) shift-share; intervals: task-clustered bootstrap${thin}`
      : 'no strategy labels or clusters in this run; intervals: task-clustered bootstrap',
  ];
  for (const [key, head] of ordered) {
    const d = symmetric.get(key);
    const r = retrieval.get(key);
    let line = `${head.family}, ${budgetText(head.budget)}: ${head.policy_a} vs ${head.policy_b} accuracy ${signed((d ?? r)?.total ?? null)}`;
    if (d) line += decompositionText(d);
    if (r) line += `; ${retrievalText(r)}`;
    lines.push(line);
    if (!details) continue;
    const variants = [
      [bRef.get(key), `${head.policy_b} as reference (b_ref)`],
      [aRef.get(key), `${head.policy_a} as reference (a_ref)`],
    ] as const;
    for (const [row, label] of variants) {
      if (row) lines.push(`    ${label}: reweighting ${signed(row.reweighting)} ${interval(row, 'reweighting')} + within-strategy ${signed(row.within)} ${interval(row, 'within')} + new/lost ${signed(row.support)}`);
    }
    const f = frequency.get(key);
    if (f && f[0]) {
      const gained = f.filter((x) => x.support === 'gained').map((x) => x.strategy).sort(compareText);
      const lost = f.filter((x) => x.support === 'lost').map((x) => x.strategy).sort(compareText);
      const p = f[0].p_value;
      lines.push(
        `    strategies: chi2 ${fixed(f[0].chi2, 1)} (df ${f[0].df}), Rao–Scott p ${p === null ? 'n/a' : pValueText(p)} (design effect ${fixed(f[0].design_effect, 2)};` +
          ` naive p ${f[0].p_naive === null ? 'n/a' : pValueText(f[0].p_naive)}), JSD ${fixed(f[0].jsd)}, V ${fixed(f[0].cramers_v)};` +
          ` new in ${head.policy_a}: ${gained.join(', ') || 'none'}; lost: ${lost.join(', ') || 'none'}`,
      );
    }
  }
  return lines;
}
