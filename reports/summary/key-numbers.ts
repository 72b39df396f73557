/** The key numbers at the top of the page, read from the PASS@(k,T) and boundary tables. */
import { optionalProbInterval, prob, pValueProse } from '../../analyses/stats/format';
import { budgetLabel, headlineBudgets, orderFamilies } from '../data/select';
import type { BoundaryCsvRow as BoundaryRow } from '../../pipeline/tables/boundary';
import type { PasskRow } from '../data/tables';
import type { BoundaryLine, KeyNumberRow } from '../html/model';
import { orderPolicies } from '../theme/colors';

/** pass@1 and pass@n (n = the largest k) per family and policy at the family's headline budget. */
export function keyNumberRows(rows: readonly PasskRow[]): KeyNumberRow[] {
  const budgets = headlineBudgets(rows);
  const out: KeyNumberRow[] = [];
  for (const family of orderFamilies(rows.map((row) => row.family))) {
    const budget = budgets.get(family)!;
    const atBudget = rows.filter((row) => row.family === family && row.budget === budget);
    for (const policy of orderPolicies(atBudget.map((row) => row.policy))) {
      const series = atBudget.filter((row) => row.policy === policy).sort((a, b) => a.k - b.k);
      const first = series.find((row) => row.k === 1);
      const last = series[series.length - 1]!;
      out.push({
        family,
        budget: budgetLabel(budget),
        policy,
        passAt1: first ? `${prob(first.pass)}${optionalProbInterval(first.ci_low, first.ci_high)}` : '—',
        passAtN: `${prob(last.pass)}${optionalProbInterval(last.ci_low, last.ci_high)}`,
        n: last.k,
        tasks: first?.tasks ?? last.tasks,
      });
    }
  }
  return out;
}

/** One sentence per family and policy pair at the headline budget and the largest k (k = n). */
export function boundaryLines(rows: readonly BoundaryRow[]): BoundaryLine[] {
  const budgets = headlineBudgets(rows);
  const lines: BoundaryLine[] = [];
  for (const family of orderFamilies(rows.map((row) => row.family))) {
    const atBudget = rows.filter((row) => row.family === family && row.budget === budgets.get(family));
    const pairs = [...new Set(atBudget.map((row) => `${row.policy_a}\u0000${row.policy_b}`))].sort();
    for (const pair of pairs) {
      const [a, b] = pair.split('\u0000') as [string, string];
      const ofPair = atBudget.filter((row) => row.policy_a === a && row.policy_b === b);
      const row = ofPair.reduce((best, next) => (next.k > best.k ? next : best));
      lines.push({
        family,
        text:
          `${budgetLabel(row.budget)}, k = ${row.k}: ${a} solves ${row.only_a} task(s) ${b} never solves, ${b} solves ${row.only_b} ${a} never solves ` +
          `(${a}\\${b} : ${b}\\${a} = ${row.only_a}:${row.only_b}, exact McNemar ${pValueProse(row.p_value)}; over the ${rows.length} boundary tests of the run ` +
          `Holm-adjusted ${pValueProse(row.p_holm)}, Benjamini–Hochberg q ${pValueProse(row.q_bh).replace(/^p /, '')}); both ${row.both}, neither ${row.neither}.`,
      });
    }
  }
  return lines;
}
