/**
 * Figure 7 — query-sequence diversity (the study's Fig. 4b): per family and budget T, the mean number
 * of distinct query sequences per task (top row) and the share of a policy's sequences that the base
 * policy also produced for the same task (bottom row), with bootstrap intervals over tasks.
 */
import { prob } from '../../analyses/stats/format';
import { budgetLabel, headlineBudgets, integerBudgets, orderFamilies } from '../data/select';
import { BUDGET_TITLE } from '../theme/axes';
import { orderPolicies } from '../theme/colors';
import { SMALL_PANEL } from '../theme/theme';
import { BOTTOM_LEGEND, MAX_COLUMNS, envelope, panelHeader, panelLabel, policyColor } from './common';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';

const UNIQUE = 'unique sequences per task';
const OVERLAP = 'share also used by base';

function build({ data }: FigureContext): FigureOutcome {
  if (!data.diversity) return skip(data.problems['diversity.csv'] ?? 'no diversity.csv in this run.');
  // diversity.csv leaves the budget of uncapped episodes blank; figures call it `all`.
  const rows = data.diversity.map((row) => ({ ...row, budget: row.budget ?? ('all' as const) }));
  if (rows.length === 0) return skip('diversity.csv has no rows.');
  // Budgets on an ordinal axis: the grid's T values, then `no cap` for uncapped episodes.
  const budgets = [...integerBudgets(rows.map((row) => row.budget)).map(String), ...(rows.some((row) => row.budget === 'all') ? ['no cap'] : [])];
  const tText = (budget: number | 'all') => (budget === 'all' ? 'no cap' : String(budget));
  const families = orderFamilies(rows.map((row) => row.family));
  const panelOf = (family: string) => panelLabel([family]);
  const policies = orderPolicies(rows.map((row) => row.policy));
  const values: Record<string, unknown>[] = [];
  for (const row of rows) {
    values.push({ metric: UNIQUE, panel: panelOf(row.family), policy: row.policy, T: tText(row.budget), value: row.mean_unique, lo: row.unique_ci_low, hi: row.unique_ci_high });
    if (row.share_in_base !== null && row.policy !== row.base) {
      values.push({ metric: OVERLAP, panel: panelOf(row.family), policy: row.policy, T: tText(row.budget), value: row.share_in_base, lo: row.share_in_base_ci_low, hi: row.share_in_base_ci_high });
    }
  }
  const x = { field: 'T', type: 'ordinal', sort: budgets, scale: { domain: budgets }, axis: { title: null, labelAngle: 0 } };
  const y = { field: 'value', type: 'quantitative' };
  const panel = (metric: string, title: string[], bottom: boolean, labels = true) => ({
    transform: [{ filter: { field: 'metric', equal: metric } }],
    facet: { field: 'panel', type: 'nominal', sort: families.map(panelOf), header: { ...panelHeader(bottom ? BUDGET_TITLE : null, SMALL_PANEL.width), labels } },
    columns: Math.min(families.length, MAX_COLUMNS),
    spacing: 8,
    spec: {
      width: SMALL_PANEL.width,
      height: SMALL_PANEL.height,
      layer: [
        { transform: [{ filter: 'isValid(datum.lo)' }], mark: { type: 'rule', strokeWidth: 1 }, encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, color: policyColor(policies, BOTTOM_LEGEND) } },
        { mark: { type: 'line', point: { size: 16 } }, encoding: { x, y: { ...y, axis: { title, tickCount: 4 } }, color: policyColor(policies, BOTTOM_LEGEND) } },
      ],
    },
  });
  const spec = envelope('Query-sequence diversity and overlap with the base policy', {
    data: { values },
    // The overlap row needs a policy other than the base one.
    vconcat: values.some((v) => v.metric === OVERLAP)
      ? [panel(UNIQUE, ['unique query', 'sequences per task'], false), panel(OVERLAP, ['share of sequences', 'also used by base'], true, false)]
      : [panel(UNIQUE, ['unique query', 'sequences per task'], true)],
    spacing: 14,
  });
  const headline = headlineBudgets(rows);
  const parts = families.map((family) => {
    const at = rows.filter((row) => row.family === family && row.budget === headline.get(family));
    const text = orderPolicies(at.map((row) => row.policy))
      .map((policy) => at.find((row) => row.policy === policy)!)
      .map((row) => `${row.policy} ${row.mean_unique.toFixed(1)}${row.share_in_base !== null && row.policy !== row.base ? ` (${prob(row.share_in_base, 2)} shared with ${row.base})` : ''}`);
    return `${family} at ${budgetLabel(headline.get(family)!)}: ${text.join(', ')}`;
  });
  return {
    kind: 'figure',
    spec,
    caption:
      'Top: how many distinct query sequences a policy produces per task (its strategy diversity). Bottom: the share of those sequences that the base ' +
      `policy also produced for the same task — low values mean new strategies, high values mean the same strategies reweighted. ${parts.join('; ')}.`,
    notes: [],
  };
}

/** Figure 7. */
export const queryDiversity: FigureBuilder = { name: 'query-diversity', number: '7', title: 'Query-sequence diversity and overlap with base', build };
