/**
 * Figure 6b — the accuracy difference a − b between a policy and the base policy split into a
 * retrieval term (finding the evidence more often) and an integration term (answering correctly given
 * what was found: with the evidence, and without it), all episodes, each family at its largest budget.
 */
import type { RetrievalDecompositionRow } from '../../analyses/mechanism/retrieval-rows';
import { atHeadlineBudget } from './common';
import { skip, type FigureBuilder, type FigureContext, type FigureOutcome } from './registry';
import { decompositionBarsSpec, termOf, termText, type TermColumns } from './term-bars';

const TERMS: TermColumns<RetrievalDecompositionRow> = [
  ['total', '#555555', (row) => termOf(row, 'total')],
  ['retrieval', '#56B4E9', (row) => termOf(row, 'retrieval')],
  ['integration', '#D55E00', (row) => termOf(row, 'integration')],
];

function build({ data }: FigureContext): FigureOutcome {
  if (!data.retrievalDecomposition) return skip(data.problems['retrieval_decomposition.csv'] ?? 'no retrieval_decomposition.csv in this run.');
  const rows = atHeadlineBudget(data.retrievalDecomposition.filter((row) => row.label === 'all'));
  if (rows.length === 0) return skip('retrieval_decomposition.csv has no rows over all episodes (label = all).');
  const spec = decompositionBarsSpec('Retrieval versus integration decomposition of accuracy differences', rows, TERMS);
  const definitions = [...new Set(rows.map((row) => row.definition))].sort().join(' / ');
  const sentences = rows.map(
    (row) =>
      `${row.family}, ${row.policy_a} vs ${row.policy_b}: total ${termText(termOf(row, 'total'))} = retrieval ${termText(termOf(row, 'retrieval'))} + integration ${termText(termOf(row, 'integration'))} ` +
      `(with the evidence ${termText(termOf(row, 'integration_retrieved'))}, without it ${termText(termOf(row, 'integration_missed'))})`,
  );
  return {
    kind: 'figure',
    spec,
    caption:
      'Whether a (the policy named first) beats b (the base policy) by retrieving the evidence more often (retrieval) or by answering correctly given ' +
      'what it retrieved (integration). Integration has two parts: answering correctly when the evidence was retrieved (with the evidence) and ' +
      `answering correctly when it was not (without the evidence, e.g. from memory or a guess); retrieval success by ${definitions}. ` +
      `${sentences.join('. ')}.`,
    notes: [],
  };
}

/** Figure 6b. */
export const retrievalDecomposition: FigureBuilder = { name: 'retrieval-decomposition', number: '6b', title: 'Retrieval vs integration decomposition', build };
