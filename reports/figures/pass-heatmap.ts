/**
 * Figure 2b — PASS@(k,T) as a k × T heatmap per policy (a row per family): the whole surface at a
 * glance, value printed in each cell.
 */
import { prob } from '../../analyses/stats/format';
import { budgetLabel } from '../data/select';
import { orderPolicies } from '../theme/colors';
import { ktGrid, ktHeatmapSpec } from './kt-heatmap';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';

function build({ data }: FigureContext): FigureOutcome {
  if (!data.passkt) return skip(data.problems['passkt.csv'] ?? 'no passkt.csv in this run.');
  const grid = ktGrid(data.passkt);
  const { budgets, rows } = grid;
  if (budgets.length === 0) return skip('passkt.csv has no integer budgets T (only uncapped rows), so there is no k × T surface.');
  const policies = orderPolicies(rows.map((row) => row.policy));
  const values = rows.map((row) => ({ family: row.family, policy: row.policy, k: row.k, T: row.budget, pass: row.pass, text: prob(row.pass, 2) }));
  const best = rows.reduce((top, row) => (row.pass > top.pass ? row : top));
  const spec = ktHeatmapSpec('PASS@(k,T) heatmaps, k × T, per policy and family', values, grid, { field: 'policy', sort: policies }, [
    { mark: { type: 'rect' }, encoding: { color: { field: 'pass', type: 'quantitative', scale: { scheme: 'viridis', domain: [0, 1] }, legend: { title: ['PASS@(k,T)', '(fraction)'], orient: 'right', gradientLength: 110, format: '.1f' } } } },
    {
      mark: { type: 'text', fontSize: 7.5 },
      encoding: { text: { field: 'text' }, color: { condition: { test: 'datum.pass > 0.55', value: '#111' }, value: '#fff' } },
    },
  ]);
  return {
    kind: 'figure',
    spec,
    caption:
      `Each cell is PASS@(k,T): k grows to the right, the budget T upward. The highest value is ${prob(best.pass)} (${best.policy}, ${best.family}, ` +
      `k = ${best.k}, ${budgetLabel(best.budget)}). Budgets shown: ${budgets.map(String).join(', ')}.`,
    notes: [],
  };
}

/** Figure 2b. */
export const passHeatmap: FigureBuilder = { name: 'pass-heatmap', number: '2b', title: 'PASS@(k,T) heatmaps (k × T) per policy', build };
