/**
 * Figure 6b — the accuracy difference between two policies split into a retrieval term (finding the
 * evidence more often) and an integration term (using found evidence better), all episodes, each
 * family at its largest budget.
 */
import { budgetLabel, headlineBudgets, orderFamilies } from '../data/select';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';
import { termBarsSpec, termText, termValues } from './term-bars';

const TERMS = ['total', 'retrieval', 'integration'];

function build({ data }: FigureContext): FigureOutcome {
  if (!data.retrievalDecomposition) return skip(data.problems['retrieval_decomposition.csv'] ?? 'no retrieval_decomposition.csv in this run.');
  const all = data.retrievalDecomposition.filter((row) => row.label === 'all');
  const budgets = headlineBudgets(all);
  const rows = all.filter((row) => budgets.get(row.family) === row.budget);
  if (rows.length === 0) return skip('retrieval_decomposition.csv has no rows over all episodes (label = all).');
  const families = orderFamilies(rows.map((row) => row.family));
  const panel = (family: string) => `${family} · ${budgetLabel(budgets.get(family)!)}`;
  const pairLabel = (a: string, b: string) => `a = ${a}, b = ${b}`;
  const pairs = [...new Set(rows.map((row) => pairLabel(row.policy_a, row.policy_b)))].sort();
  const values = rows.flatMap((row) =>
    termValues(panel(row.family), pairLabel(row.policy_a, row.policy_b), [
      ['total', row.total],
      ['retrieval', row.retrieval],
      ['integration', row.integration],
    ]),
  );
  const spec = termBarsSpec('Retrieval versus integration decomposition of accuracy differences', values, TERMS, families.map(panel), pairs, ['#555555', '#56B4E9', '#D55E00']);
  const definitions = [...new Set(rows.map((row) => row.definition))].sort().join(' / ');
  const sentences = rows.map((row) => `${row.family}, ${row.policy_b} vs ${row.policy_a}: total ${termText(row.total)} = retrieval ${termText(row.retrieval)} + integration ${termText(row.integration)}`);
  return {
    kind: 'figure',
    spec,
    caption:
      `Whether b beats a by retrieving the evidence more often (retrieval) or by answering correctly from what it retrieved (integration); retrieval success by ${definitions}. ` +
      `${sentences.join('. ')}.`,
    notes: [],
  };
}

/** Figure 6b. */
export const retrievalDecomposition: FigureBuilder = { name: 'retrieval-decomposition', number: '6b', title: 'Retrieval vs integration decomposition', build };
