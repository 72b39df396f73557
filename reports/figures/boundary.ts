/**
 * Figure 4 — the capability boundary as set differences: for each family and policy pair, the tasks
 * only a solves, both solve, only b solves and neither solves at k = n (stacked, in tasks), with the
 * exact McNemar p-value of only-a vs only-b printed beside each bar.
 */
import { pValueProse } from '../../analyses/stats/format';
import { budgetLabel, headlineBudgets } from '../data/select';
import type { BoundaryCsvRow as BoundaryRow } from '../../pipeline/tables/boundary';
import { envelope, panelLabel, panelsByFamily, topHeader } from './common';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';

const SEGMENTS = ['only a', 'both', 'only b', 'neither'] as const;
const SEGMENT_COLORS = ['#D55E00', '#999999', '#0072B2', '#e3e3e3'];
const WIDTH = 230;

/** The rows drawn: per family at its headline budget, per pair the largest k (k = n). */
export function boundaryAtN(rows: readonly BoundaryRow[]): BoundaryRow[] {
  const budgets = headlineBudgets(rows);
  const best = new Map<string, BoundaryRow>();
  for (const row of rows) {
    if (budgets.get(row.family) !== row.budget) continue;
    const key = `${row.family}\u0000${row.policy_a}\u0000${row.policy_b}`;
    const current = best.get(key);
    if (!current || row.k > current.k) best.set(key, row);
  }
  return [...best.values()];
}

function build({ data }: FigureContext): FigureOutcome {
  if (!data.boundary) return skip(data.problems['boundary.csv'] ?? 'no boundary.csv in this run.');
  const rows = boundaryAtN(data.boundary);
  if (rows.length === 0) return skip('boundary.csv has no rows.');
  const pairLabel = (row: BoundaryRow) => `${row.policy_a} vs ${row.policy_b}`;
  const pairs = [...new Set(rows.map(pairLabel))].sort();
  const panel = (row: BoundaryRow) => panelLabel([`${row.family} · ${budgetLabel(row.budget)}, k = ${row.k}`]);
  const values: Record<string, unknown>[] = [];
  for (const row of rows) {
    const counts = [row.only_a, row.both, row.only_b, row.neither];
    SEGMENTS.forEach((segment, index) => {
      values.push({ layer: 'bar', panel: panel(row), family: row.family, pair: pairLabel(row), segment, order: index, tasks: counts[index] });
    });
    const total = counts.reduce((a, b) => a + b, 0);
    values.push({ layer: 'label', panel: panel(row), family: row.family, pair: pairLabel(row), total, text: `${row.only_a}:${row.only_b}, ${pValueProse(row.p_value)}` });
  }
  const panels = panelsByFamily(rows, panel);
  const maxTotal = Math.max(...values.filter((v) => v.layer === 'label').map((v) => v.total as number));
  const spec = envelope('Capability boundary: tasks solved only by a, by both, only by b, by neither, at k = n', {
    data: { values },
    facet: { row: { field: 'panel', type: 'nominal', sort: panels, header: topHeader(WIDTH) } },
    spacing: 6,
    spec: {
      width: WIDTH,
      height: { step: 18 },
      encoding: { y: { field: 'pair', type: 'nominal', sort: pairs, axis: { title: null } } },
      layer: [
        {
          transform: [{ filter: "datum.layer === 'bar'" }],
          mark: { type: 'bar', height: 13 },
          encoding: {
            x: { field: 'tasks', type: 'quantitative', stack: 'zero', scale: { domain: [0, maxTotal * 1.45] }, axis: { title: 'tasks (solved at least once in n samples)', tickCount: 5, format: 'd' } },
            color: { field: 'segment', type: 'nominal', scale: { domain: [...SEGMENTS], range: SEGMENT_COLORS }, legend: { title: null, orient: 'bottom', direction: 'horizontal' } },
            order: { field: 'order', type: 'quantitative' },
            tooltip: [{ field: 'pair', type: 'nominal' }, { field: 'segment', type: 'nominal' }, { field: 'tasks', type: 'quantitative' }],
          },
        },
        {
          transform: [{ filter: "datum.layer === 'label'" }],
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 },
          encoding: { x: { field: 'total', type: 'quantitative' }, text: { field: 'text' } },
        },
      ],
    },
  });
  const sentences = rows.map((row) => `${row.family}: ${row.policy_a}\\${row.policy_b} : ${row.policy_b}\\${row.policy_a} = ${row.only_a}:${row.only_b} (${pValueProse(row.p_value)})`);
  return {
    kind: 'figure',
    spec,
    caption:
      'Tasks each policy solves at least once in n samples, as set differences. Orange (only a) against blue (only b) is the ' +
      `boundary question: a larger orange share means a reaches tasks b never solves. The label gives only a : only b and the exact McNemar p-value. ${sentences.join('; ')}.`,
    notes: [],
  };
}

/** Figure 4. */
export const boundary: FigureBuilder = { name: 'boundary', number: '4', title: 'Capability-boundary set differences per family and policy pair', build };
