/**
 * Figure 2c — the difference PASS(a) − PASS(b) over k × T for each policy pair (e.g. rl − base), on a
 * diverging scale centred at 0; cells whose paired 95% interval excludes 0 carry a bold value.
 */
import { signedProb } from '../../analyses/stats/format';
import { budgetLabel } from '../data/select';
import { ktGrid, ktHeatmapSpec } from './kt-heatmap';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';

function build({ data }: FigureContext): FigureOutcome {
  if (!data.passktDiff) return skip(data.problems['passkt_diff.csv'] ?? 'no passkt_diff.csv in this run.');
  const grid = ktGrid(data.passktDiff);
  const { budgets, rows } = grid;
  if (budgets.length === 0) return skip('passkt_diff.csv has no integer budgets T.');
  const pairs = [...new Set(rows.map((row) => `${row.policy_a} − ${row.policy_b}`))].sort();
  const extent = Math.max(0.05, ...rows.map((row) => Math.abs(row.diff)));
  const values = rows.map((row) => ({
    family: row.family,
    pair: `${row.policy_a} − ${row.policy_b}`,
    k: row.k,
    T: row.budget,
    diff: row.diff,
    significant: row.ci_low !== null && row.ci_high !== null && (row.ci_low > 0 || row.ci_high < 0),
    text: signedProb(row.diff, 2),
  }));
  const significant = values.filter((v) => v.significant).length;
  const spec = ktHeatmapSpec('Paired differences in PASS@(k,T) between policies, k × T', values, grid, { field: 'pair', sort: pairs }, [
    {
      mark: { type: 'rect' },
      encoding: {
        color: {
          field: 'diff',
          type: 'quantitative',
          scale: { scheme: 'blueorange', domain: [-extent, extent], domainMid: 0 },
          legend: { title: ['difference', '(fraction of tasks)'], orient: 'right', gradientLength: 110, format: '+.2f' },
        },
      },
    },
    { transform: [{ filter: 'datum.significant' }], mark: { type: 'text', fontSize: 7.5, fontWeight: 'bold' }, encoding: { text: { field: 'text' } } },
    { transform: [{ filter: '!datum.significant' }], mark: { type: 'text', fontSize: 7.5, fontWeight: 'normal', opacity: 0.8 }, encoding: { text: { field: 'text' } } },
  ]);
  return {
    kind: 'figure',
    spec,
    caption:
      `Orange cells: the first policy of the pair solves more tasks; blue: fewer. Bold values have a paired bootstrap 95% interval that excludes 0 ` +
      `(${significant} of ${values.length} cells). Budgets: ${budgets.map(budgetLabel).join(', ')}.`,
    notes: [],
  };
}

/** Figure 2c. */
export const passDiffHeatmap: FigureBuilder = { name: 'pass-diff-heatmap', number: '2c', title: 'Difference heatmaps (e.g. RL − base) over k × T', build };
