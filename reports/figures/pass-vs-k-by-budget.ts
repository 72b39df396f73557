/**
 * Figure 2a — PASS@(k,T) against k for every budget T (small multiples: a row per family, a column
 * per T), one line per policy with its 95% band: how the curves and their crossing move with depth.
 */
import { prob } from '../../analyses/stats/format';
import { budgetLabel, integerBudgets, isShownK, orderFamilies } from '../data/select';
import type { PasskRow } from '../data/tables';
import { K_TITLE, log2KEncoding, passEncoding } from '../theme/axes';
import { orderPolicies } from '../theme/colors';
import { SMALL_PANEL } from '../theme/theme';
import { BOTTOM_LEGEND, MAX_COLUMNS, SHORT_PASS_TITLE, envelope, panelHeader, panelLabel, policyColor } from './common';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';

function caption(rows: readonly PasskRow[], families: string[], budgets: number[], policies: string[]): string {
  const sentences = families.map((family) => {
    const first = budgets[0]!;
    const last = budgets[budgets.length - 1]!;
    const at = (policy: string, budget: number) => {
      const series = rows.filter((row) => row.family === family && row.policy === policy && row.budget === budget);
      return series.length ? series.reduce((best, row) => (row.k > best.k ? row : best)) : undefined;
    };
    const parts = policies
      .map((policy) => {
        const lo = at(policy, first);
        const hi = at(policy, last);
        return lo && hi ? `${policy} ${prob(lo.pass)} → ${prob(hi.pass)}` : null;
      })
      .filter(Boolean);
    return `${family}: pass@n from ${budgetLabel(first)} to ${budgetLabel(last)}: ${parts.join(', ')}`;
  });
  return `The same curves at every budget of the grid: reading a row left to right shows what more tool-call rounds buy at each k. ${sentences.join('. ')}.`;
}

function build({ data }: FigureContext): FigureOutcome {
  if (!data.passkt) return skip(data.problems['passkt.csv'] ?? 'no passkt.csv in this run.');
  const budgets = integerBudgets(data.passkt.map((row) => row.budget));
  if (budgets.length < 2) return skip('PASS@(k,T) was computed for fewer than two budgets T, so there is nothing to compare across T.');
  const maxK = new Map<string, number>();
  for (const row of data.passkt) maxK.set(`${row.policy}/${row.family}/${row.budget}`, Math.max(maxK.get(`${row.policy}/${row.family}/${row.budget}`) ?? 0, row.k));
  const rows = data.passkt.filter((row) => row.budget !== 'all' && isShownK(row.k, maxK.get(`${row.policy}/${row.family}/${row.budget}`)!));
  const families = orderFamilies(rows.map((row) => row.family));
  const policies = orderPolicies(rows.map((row) => row.policy));
  const kMax = Math.max(...rows.map((row) => row.k));
  const panel = (family: string, budget: number) => panelLabel([family, budgetLabel(budget)]);
  const values = rows.map((row) => ({ panel: panel(row.family, row.budget as number), T: budgetLabel(row.budget), policy: row.policy, k: row.k, pass: row.pass, ci_low: row.ci_low, ci_high: row.ci_high }));
  const spec = envelope('PASS@(k,T) against k for every budget T, per family', {
    data: { values },
    facet: { field: 'panel', type: 'nominal', sort: families.flatMap((family) => budgets.map((budget) => panel(family, budget))), header: panelHeader(K_TITLE, SMALL_PANEL.width, 2) },
    columns: Math.min(budgets.length, MAX_COLUMNS),
    spacing: 8,
    spec: {
      width: SMALL_PANEL.width,
      height: SMALL_PANEL.height,
      layer: [
        { transform: [{ filter: 'isValid(datum.ci_low)' }], mark: { type: 'area', opacity: 0.16 }, encoding: { x: log2KEncoding(kMax, null), y: passEncoding('ci_low', SHORT_PASS_TITLE), y2: { field: 'ci_high' }, color: policyColor(policies, BOTTOM_LEGEND) } },
        { mark: { type: 'line', point: { size: 12 } }, encoding: { x: log2KEncoding(kMax, null), y: passEncoding('pass', SHORT_PASS_TITLE), color: policyColor(policies, BOTTOM_LEGEND) } },
      ],
    },
  });
  return { kind: 'figure', spec, caption: caption(rows, families, budgets, policies), notes: [] };
}

/** Figure 2a. */
export const passVsKByBudget: FigureBuilder = { name: 'pass-vs-k-by-budget', number: '2a', title: 'PASS@(k,T) vs k for every budget T', build };
