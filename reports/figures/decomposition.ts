/**
 * Figure 6a — the shift-share decomposition of the accuracy difference between two policies into
 * reweighting (choosing strategies differently), within-strategy (executing them better) and new or
 * lost strategies; symmetric variant, rule labels, each family at its largest budget.
 */
import { budgetLabel, headlineBudgets, orderFamilies } from '../data/select';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';
import { termBarsSpec, termText, termValues } from './term-bars';

const TERMS = ['total', 'reweighting', 'within-strategy', 'new / lost'];

function build({ data }: FigureContext): FigureOutcome {
  if (!data.decomposition) return skip(data.problems['decomposition.csv'] ?? 'no decomposition.csv in this run.');
  const rows0 = data.decomposition.filter((row) => row.scheme === 'label' && row.variant === 'symmetric');
  const budgets = headlineBudgets(rows0);
  const rows = rows0.filter((row) => budgets.get(row.family) === row.budget);
  if (rows.length === 0) return skip('decomposition.csv has no symmetric rule-label rows.');
  const families = orderFamilies(rows.map((row) => row.family));
  const panel = (family: string) => `${family} · ${budgetLabel(budgets.get(family)!)}`;
  const pairLabel = (a: string, b: string) => `a = ${a}, b = ${b}`;
  const pairs = [...new Set(rows.map((row) => pairLabel(row.policy_a, row.policy_b)))].sort();
  const values = rows.flatMap((row) =>
    termValues(panel(row.family), pairLabel(row.policy_a, row.policy_b), [
      ['total', row.total],
      ['reweighting', row.reweighting],
      ['within-strategy', row.within],
      ['new / lost', row.support],
    ]),
  );
  const spec = termBarsSpec('Shift-share decomposition of accuracy differences', values, TERMS, families.map(panel), pairs, ['#555555', '#E69F00', '#009E73', '#CC79A7']);
  const sentences = families.flatMap((family) =>
    rows
      .filter((row) => row.family === family)
      .map((row) => `${family}, ${row.policy_b} vs ${row.policy_a}: total ${termText(row.total)} = reweighting ${termText(row.reweighting)} + within ${termText(row.within)} + new/lost ${termText(row.support)}`),
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
