/**
 * The symmetric (Shapley) shift-share decomposition of one comparison in the report's style — the
 * same numbers the console and `inspect compare` print — used by the key numbers and Figure 6a.
 */
import type { DecompositionRow } from '../../analyses/mechanism/decomposition-rows';
import { percent, signedProb } from '../../analyses/stats/format';
import { budgetLabel, headlineBudgets, orderFamilies } from '../data/select';
import { termOf, termText } from '../figures/term-bars';

/** `bridge, sft vs base (T = 5): −.150 = reweighting … + within-strategy … (thin) + new / lost … (lost by sft: …, 26.8% of base's episodes)`. */
export function decompositionSentence(row: DecompositionRow): string {
  const thin = (name: string) => (row.thin.split(';').includes(name) ? ' (thin)' : '');
  const held: string[] = [];
  if (row.new_strategies) held.push(`new in ${row.policy_a}: ${row.new_strategies.split(';').join(', ')}, ${percent(row.new_share)} of ${row.policy_a}’s episodes`);
  if (row.lost_strategies) held.push(`lost by ${row.policy_a}: ${row.lost_strategies.split(';').join(', ')}, ${percent(row.lost_share)} of ${row.policy_b}’s episodes`);
  return (
    `${row.family}, ${row.policy_a} vs ${row.policy_b} (${budgetLabel(row.budget)}): ${row.total === null ? 'n/a' : signedProb(row.total)}` +
    ` = reweighting ${termText(termOf(row, 'reweighting'))}${thin('reweighting')}` +
    ` + within-strategy ${termText(termOf(row, 'within'))}${thin('within')}` +
    ` + new / lost ${termText(termOf(row, 'support'))}${thin('support')}${held.length > 0 ? ` (${held.join('; ')})` : ''}`
  );
}

/** One sentence per comparison at each family's headline budget (rule labels, symmetric variant). */
export function decompositionLines(rows: readonly DecompositionRow[]): string[] {
  const symmetric = rows.filter((row) => row.scheme === 'label' && row.variant === 'symmetric');
  const budgets = headlineBudgets(symmetric);
  return orderFamilies(symmetric.map((row) => row.family)).flatMap((family) =>
    symmetric.filter((row) => row.family === family && row.budget === budgets.get(family)).sort((x, y) => (x.policy_a < y.policy_a ? -1 : x.policy_a > y.policy_a ? 1 : 0)).map(decompositionSentence),
  );
}
