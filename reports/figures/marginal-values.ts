/**
 * Figure 3b — Δ_k against Δ_T: at every grid point (k, T), what doubling the samples buys (x) against
 * what the next budget step buys (y). Points above the diagonal: depth is worth more than breadth.
 */
import { orderFamilies } from '../data/select';
import type { MarginalRow } from '../../pipeline/tables/marginal';
import { orderPolicies } from '../theme/colors';
import { BOTTOM_LEGEND, MAX_COLUMNS, envelope, panelHeader, panelLabel, policyColor } from './common';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';

const WIDTH = 120;

/** Joins Δ_k and Δ_T at the same (policy, family, k, T). */
export function pairMarginals(rows: readonly MarginalRow[]) {
  const deltaT = new Map<string, MarginalRow>();
  for (const row of rows) if (row.kind === 'T' && row.delta !== null) deltaT.set(`${row.policy}\u0000${row.family}\u0000${row.k_from}\u0000${row.budget_from}`, row);
  const points: { policy: string; family: string; k: number; T: number | 'all'; T_next: number | 'all'; dk: number; dt: number }[] = [];
  for (const row of rows) {
    if (row.kind !== 'k' || row.delta === null || (row.k_from & (row.k_from - 1)) !== 0) continue;
    const t = deltaT.get(`${row.policy}\u0000${row.family}\u0000${row.k_from}\u0000${row.budget_from}`);
    if (t) points.push({ policy: row.policy, family: row.family, k: row.k_from, T: row.budget_from, T_next: t.budget_to, dk: row.delta, dt: t.delta! });
  }
  return points;
}

function build({ data }: FigureContext): FigureOutcome {
  if (!data.marginal) return skip(data.problems['marginal.csv'] ?? 'no marginal.csv in this run.');
  const points = pairMarginals(data.marginal);
  if (points.length === 0) return skip('marginal.csv has no grid point with both a Δ_k and a Δ_T (one budget only?).');
  const families = orderFamilies(points.map((p) => p.family));
  const policies = orderPolicies(points.map((p) => p.policy));
  const lo = Math.min(0, ...points.flatMap((p) => [p.dk, p.dt]));
  const hi = Math.max(0.05, ...points.flatMap((p) => [p.dk, p.dt]));
  const domain = [lo, hi];
  const diagonal = families.flatMap((family) => [
    { family, layer: 'diagonal', dk: lo, dt: lo },
    { family, layer: 'diagonal', dk: hi, dt: hi },
  ]);
  const panel = (family: string) => panelLabel([family]);
  const values = [...points.map((p) => ({ ...p, layer: 'point' })), ...diagonal].map((v) => ({ ...v, panel: panel(v.family) }));
  const spec = envelope('Marginal value of doubling k against the marginal value of one more budget step', {
    data: { values },
    facet: { field: 'panel', type: 'nominal', sort: families.map(panel), header: panelHeader('Δk: gain from doubling k (fraction of tasks)', WIDTH) },
    columns: Math.min(families.length, MAX_COLUMNS),
    spacing: 8,
    spec: {
      width: WIDTH,
      height: WIDTH,
      layer: [
        {
          transform: [{ filter: "datum.layer === 'diagonal'" }],
          mark: { type: 'line', color: '#999', strokeDash: [4, 3], strokeWidth: 1, clip: true },
          encoding: { x: { field: 'dk', type: 'quantitative' }, y: { field: 'dt', type: 'quantitative' } },
        },
        {
          transform: [{ filter: "datum.layer === 'point'" }],
          mark: { type: 'point', filled: true, opacity: 0.75, size: 22 },
          encoding: {
            x: { field: 'dk', type: 'quantitative', scale: { domain, nice: false }, axis: { title: null, format: '.2f', tickCount: 4 } },
            y: { field: 'dt', type: 'quantitative', scale: { domain, nice: false }, axis: { title: ['ΔT: gain from the next T', '(fraction of tasks)'], format: '.2f', tickCount: 4 } },
            color: policyColor(policies, BOTTOM_LEGEND),
            tooltip: [
              { field: 'policy', type: 'nominal' },
              { field: 'k', type: 'quantitative' },
              { field: 'T', type: 'nominal' },
              { field: 'T_next', type: 'nominal', title: 'next T' },
              { field: 'dk', type: 'quantitative', format: '.3f', title: 'Δk' },
              { field: 'dt', type: 'quantitative', format: '.3f', title: 'ΔT' },
            ],
          },
        },
      ],
    },
  });
  const above = policies.map((policy) => {
    const mine = points.filter((p) => p.policy === policy);
    return `${policy} ${mine.filter((p) => p.dt > p.dk).length}/${mine.length}`;
  });
  return {
    kind: 'figure',
    spec,
    caption:
      'Each point is one grid cell (k a power of two, T a budget with a next step): x is the gain from doubling the samples, y the gain from one ' +
      `more budget step. Above the dashed diagonal, depth buys more than breadth. Points above the diagonal: ${above.join(', ')}.`,
    notes: [],
  };
}

/** Figure 3b. */
export const marginalValues: FigureBuilder = { name: 'marginal-values', number: '3b', title: 'Marginal values: Δk vs ΔT', build };
