/**
 * Figure 9 — retrieval success against accuracy per policy: each policy's episodes split 2 × 2 into
 * retrieved / missed the evidence × correct / wrong, per family at its largest budget.
 */
import { percent, prob } from '../../analyses/stats/format';
import { budgetLabel, headlineBudgets } from '../data/select';
import type { RetrievalRow } from '../../analyses/mechanism/retrieval-table';
import { orderPolicies } from '../theme/colors';
import { envelope, panelLabel, panelsByFamily, topHeader } from './common';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';

const CELLS = ['retrieved · correct', 'retrieved · wrong', 'missed · correct', 'missed · wrong'] as const;
const CELL_COLORS = ['#0072B2', '#a6c8e0', '#D55E00', '#f0c2a5'];
const WIDTH = 260;

/** The four shares of one retrieval row (they add up to 1; an undefined conditional has no episodes). */
export function twoByTwo(row: RetrievalRow): number[] {
  const r = row.retrieval_rate;
  const accR = row.acc_given_retrieved ?? 0;
  const accM = row.acc_given_missed ?? 0;
  return [r * accR, r * (1 - accR), (1 - r) * accM, (1 - r) * (1 - accM)];
}

function build({ data }: FigureContext): FigureOutcome {
  if (!data.retrieval) return skip(data.problems['retrieval.csv'] ?? 'no retrieval.csv in this run.');
  const budgets = headlineBudgets(data.retrieval);
  const rows = data.retrieval.filter((row) => budgets.get(row.family) === row.budget && row.episodes > 0);
  if (rows.length === 0) return skip('retrieval.csv has no episodes at the largest budget.');
  const policies = orderPolicies(rows.map((row) => row.policy));
  const panel = (row: RetrievalRow) => panelLabel([`${row.family} · ${budgetLabel(row.budget)} · ${row.definition}`]);
  const panels = panelsByFamily(rows, panel);
  const values = rows.flatMap((row) =>
    twoByTwo(row).map((share, index) => ({ panel: panel(row), policy: row.policy, cell: CELLS[index], order: index, share, episodes: Math.round(share * row.episodes) })),
  );
  const spec = envelope('Retrieval success against accuracy per policy (2 × 2 shares of episodes)', {
    data: { values },
    facet: { row: { field: 'panel', type: 'nominal', sort: panels, header: topHeader(WIDTH) } },
    spacing: 6,
    spec: {
      width: WIDTH,
      height: { step: 17 },
      mark: { type: 'bar', height: { band: 0.78 } },
      encoding: {
        y: { field: 'policy', type: 'nominal', sort: policies, axis: { title: null } },
        x: { field: 'share', type: 'quantitative', stack: 'normalize', axis: { title: 'share of episodes', format: '.0%', values: [0, 0.25, 0.5, 0.75, 1] } },
        color: { field: 'cell', type: 'nominal', scale: { domain: [...CELLS], range: CELL_COLORS }, legend: { title: null, orient: 'bottom', direction: 'horizontal', columns: 2 } },
        order: { field: 'order', type: 'quantitative' },
        tooltip: [{ field: 'policy' }, { field: 'cell' }, { field: 'share', format: '.3f' }, { field: 'episodes', title: 'episodes (approx.)' }],
      },
    },
  });
  const sentences = rows.map(
    (row) =>
      `${row.family}, ${row.policy}: retrieval ${percent(row.retrieval_rate, 0)}, accuracy ${prob(row.accuracy)} (${row.acc_given_retrieved === null ? 'n/a' : prob(row.acc_given_retrieved)} when retrieved, ${row.acc_given_missed === null ? 'n/a' : prob(row.acc_given_missed)} when missed)`,
  );
  return {
    kind: 'figure',
    spec,
    caption:
      'Blue: episodes that retrieved the evidence; orange: episodes that missed it; dark: correct, light: wrong. A policy that retrieves more gains blue; ' +
      `one that integrates better turns light blue into dark blue. ${sentences.join('; ')}.`,
    notes: [],
  };
}

/** Figure 9. */
export const retrievalAccuracy: FigureBuilder = { name: 'retrieval-accuracy', number: '9', title: 'Retrieval success vs accuracy (2 × 2) per policy', build };
