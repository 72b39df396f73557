/**
 * Figure 6a — the symmetric (Shapley) shift-share decomposition of the accuracy difference a − b
 * between a policy and the base policy into reweighting (choosing strategies differently),
 * within-strategy (executing them better) and new / lost strategies (used by one policy only, counted
 * whole); rule labels, each family at its largest budget. Terms resting on thin strategy cells are pale.
 */
import type { DecompositionRow } from '../../analyses/mechanism/decomposition-rows';
import { THIN_DEFAULTS } from '../../analyses/mechanism/thin-terms';
import type { ReportData } from '../data/tables';
import { orderFamilies } from '../data/select';
import { atHeadlineBudget } from './common';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';
import { decompositionBarsSpec, termOf, type Term, type TermColumns } from './term-bars';
import { decompositionSentence } from '../summary/decomposition';

const thinTerm = (row: DecompositionRow, name: 'reweighting' | 'within' | 'support'): Term => ({ ...termOf(row, name), thin: row.thin.split(';').includes(name) });

const TERMS: TermColumns<DecompositionRow> = [
  ['total', '#555555', (row) => termOf(row, 'total')],
  ['reweighting', '#E69F00', (row) => thinTerm(row, 'reweighting')],
  ['within-strategy', '#009E73', (row) => thinTerm(row, 'within')],
  ['new / lost', '#CC79A7', (row) => thinTerm(row, 'support')],
];

/** The thin-cell thresholds the compare stage ran with (its parameters), else the defaults. */
export function thinThresholds(data: ReportData): { minTasks: number; minEpisodes: number } {
  const params = (data.provenance.stages.find((stage) => stage.stage === 'compare')?.params ?? {}) as { thinTasks?: number; thinEpisodes?: number };
  return { minTasks: params.thinTasks ?? THIN_DEFAULTS.minTasks, minEpisodes: params.thinEpisodes ?? THIN_DEFAULTS.minEpisodes };
}

function build({ data }: FigureContext): FigureOutcome {
  if (!data.decomposition) return skip(data.problems['decomposition.csv'] ?? 'no decomposition.csv in this run.');
  const rows = atHeadlineBudget(data.decomposition.filter((row) => row.scheme === 'label' && row.variant === 'symmetric'));
  if (rows.length === 0) return skip('decomposition.csv has no symmetric rule-label rows.');
  const spec = decompositionBarsSpec('Symmetric shift-share decomposition of accuracy differences', rows, TERMS);
  const families = orderFamilies(rows.map((row) => row.family));
  const sentences = families.flatMap((family) => rows.filter((row) => row.family === family).map((row) => decompositionSentence(row)));
  const thin = thinThresholds(data);
  return {
    kind: 'figure',
    spec,
    caption:
      'How the accuracy difference a − b (a: the policy named first, b: the base policy) splits, by the symmetric (Shapley) shift-share, into ' +
      'choosing strategies differently (reweighting), executing the same strategies better (within-strategy) and strategies only one policy ' +
      'uses, counted whole (new / lost); bars with task-clustered bootstrap 95% intervals; pale bars rest on thin strategy cells ' +
      `(fewer than ${thin.minTasks} tasks or ${thin.minEpisodes} episodes). The base- and a-referenced variants are in decomposition.csv. ` +
      `${sentences.join('. ')}.`,
    notes: [],
  };
}

/** Figure 6a. */
export const decomposition: FigureBuilder = { name: 'decomposition', number: '6a', title: 'Shift-share decomposition (symmetric): reweighting / within-strategy / new / lost', build };
