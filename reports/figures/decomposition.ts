/**
 * Figure 6a — the shift-share decomposition of the accuracy difference between two policies into
 * reweighting (choosing strategies differently), within-strategy (executing them better) and new or
 * lost strategies; symmetric variant, rule labels, each family at its largest budget.
 */
import type { DecompositionRow } from '../../analyses/mechanism/decomposition-rows';
import { orderFamilies } from '../data/select';
import { atHeadlineBudget } from './common';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';
import { decompositionBarsSpec, termOf, termText, type TermColumns } from './term-bars';

const TERMS: TermColumns<DecompositionRow> = [
  ['total', '#555555', (row) => termOf(row, 'total')],
  ['reweighting', '#E69F00', (row) => termOf(row, 'reweighting')],
  ['within-strategy', '#009E73', (row) => termOf(row, 'within')],
  ['new / lost', '#CC79A7', (row) => termOf(row, 'support')],
];

function build({ data }: FigureContext): FigureOutcome {
  if (!data.decomposition) return skip(data.problems['decomposition.csv'] ?? 'no decomposition.csv in this run.');
  const rows = atHeadlineBudget(data.decomposition.filter((row) => row.scheme === 'label' && row.variant === 'symmetric'));
  if (rows.length === 0) return skip('decomposition.csv has no symmetric rule-label rows.');
  const spec = decompositionBarsSpec('Shift-share decomposition of accuracy differences', rows, TERMS);
  const families = orderFamilies(rows.map((row) => row.family));
  const sentences = families.flatMap((family) =>
    rows
      .filter((row) => row.family === family)
      .map((row) => `${family}, ${row.policy_b} vs ${row.policy_a}: total ${termText(termOf(row, 'total'))} = reweighting ${termText(termOf(row, 'reweighting'))} + within ${termText(termOf(row, 'within'))} + new/lost ${termText(termOf(row, 'support'))}`),
  );
  return {
    kind: 'figure',
    spec,
    caption:
      'How the accuracy difference b − a splits into choosing strategies differently (reweighting), executing the same strategies better ' +
      `(within-strategy) and strategies only one policy uses (new / lost); symmetric in a and b, bars with bootstrap 95% intervals. ${sentences.join('. ')}.`,
    notes: [],
  };
}

/** Figure 6a. */
export const decomposition: FigureBuilder = { name: 'decomposition', number: '6a', title: 'Shift-share decomposition: reweighting / within-strategy / new', build };
