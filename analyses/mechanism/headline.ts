/**
 * The text `npm run inspect -- compare` prints: one headline per family, budget and policy, read back
 * from the stage's CSV rows (so it shows exactly what was written).
 */
import { type Budget, compareBudgets } from '../budget';
import { compareText } from '../stats/compare-text';
import { fixed, signed } from '../stats/format';
import type { ComparisonKey } from './comparison-key';
import type { DecompositionRow } from './decomposition-rows';
import type { FrequencyRow } from './frequency-rows';
import type { RetrievalDecompositionRow } from './retrieval-rows';

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
  /** The symmetric and frequency-test lines under each headline (default true). */
  details?: boolean;
}

/** Headline lines, one per family, budget and policy (plus detail lines). */
export function compareHeadlines(tables: CompareTables, options: HeadlineOptions = {}): string[] {
  const { scheme, largestBudgetOnly = false, details = true } = options;
  const schemes = [...new Set(tables.decomposition.map((row) => row.scheme))];
  const shown = scheme ?? (schemes.includes('label') ? 'label' : schemes[0]);
  const byVariant = (variant: string) =>
    new Map(tables.decomposition.filter((r) => r.scheme === shown && r.variant === variant).map((r) => [keyOf(r), r]));
  const aRef = byVariant('a_ref');
  const symmetric = byVariant('symmetric');
  const retrieval = new Map(tables.retrieval.filter((r) => r.label === 'all').map((r) => [keyOf(r), r]));
  const frequency = new Map<string, FrequencyRow[]>();
  for (const row of tables.frequencies.filter((r) => r.scheme === shown)) {
    const list = frequency.get(keyOf(row)) ?? [];
    list.push(row);
    frequency.set(keyOf(row), list);
  }
  const keys = new Map<string, ComparisonKey>();
  for (const row of [...aRef.values(), ...retrieval.values()]) if (!keys.has(keyOf(row))) keys.set(keyOf(row), row);
  const largest = new Map<string, Budget>();
  for (const row of keys.values()) {
    const current = largest.get(row.family);
    if (current === undefined || compareBudgets(row.budget, current) > 0) largest.set(row.family, row.budget);
  }
  const ordered = [...keys].filter(([, row]) => !largestBudgetOnly || largest.get(row.family) === row.budget).sort(
    ([, x], [, y]) => compareText(x.family, y.family) || compareBudgets(x.budget, y.budget) || compareText(x.policy_b, y.policy_b),
  );
  if (ordered.length === 0) return ['no comparisons (is the base policy in the data?)'];
  const lines = [shown ? `strategy scheme: ${shown}; intervals: task-clustered bootstrap` : 'no strategy labels or clusters in this run; intervals: task-clustered bootstrap'];
  for (const [key, head] of ordered) {
    const d = aRef.get(key);
    const r = retrieval.get(key);
    let line = `${head.family}, ${budgetText(head.budget)}: ${head.policy_b} vs ${head.policy_a} accuracy ${signed((d ?? r)?.total ?? null)}`;
    if (d) {
      line +=
        ` = reweighting ${signed(d.reweighting)} ${interval(d, 'reweighting')}` +
        ` + within-strategy ${signed(d.within)} ${interval(d, 'within')}` +
        ` + new ${signed(d.support)} ${interval(d, 'support')}`;
    }
    if (r) line += `; retrieval ${signed(r.retrieval)} ${interval(r, 'retrieval')}, integration ${signed(r.integration)} ${interval(r, 'integration')}`;
    lines.push(line);
    if (!details) continue;
    const s = symmetric.get(key);
    if (s) {
      lines.push(
        `    symmetric: reweighting ${signed(s.reweighting)} ${interval(s, 'reweighting')}` +
          ` + within-strategy ${signed(s.within)} ${interval(s, 'within')} + support ${signed(s.support)}`,
      );
    }
    const f = frequency.get(key);
    if (f && f[0]) {
      const gained = f.filter((x) => x.support === 'gained').map((x) => x.strategy);
      const lost = f.filter((x) => x.support === 'lost').map((x) => x.strategy);
      const p = f[0].p_value ?? NaN;
      lines.push(
        `    strategies: chi2 ${fixed(f[0].chi2, 1)} (df ${f[0].df}), p ${p < 1e-4 ? p.toExponential(1) : p.toFixed(4)},` +
          ` JSD ${fixed(f[0].jsd)}, V ${fixed(f[0].cramers_v)};` +
          ` gained: ${gained.join(', ') || 'none'}; lost: ${lost.join(', ') || 'none'}`,
      );
    }
  }
  return lines;
}
