/** Verdict sentences per family and policy pair at each family's headline budget, from `verdict.csv`. */
import { verdictSentence } from '../../analyses/passkt/verdict';
import { verdictEvidenceOf } from '../../pipeline/tables/verdict';
import { headlineBudgets, orderFamilies } from '../data/select';
import type { ReportData } from '../data/tables';

/** One sentence per verdict row at the headline budget, worded as the boundary stage words it. */
export function verdictSentences(data: ReportData): string[] {
  const rows = data.verdicts ?? [];
  const budgets = headlineBudgets(rows);
  const families = orderFamilies(rows.map((row) => row.family));
  return families.flatMap((family) =>
    rows
      .filter((row) => row.family === family && row.budget === budgets.get(family))
      .map((row) =>
        verdictSentence({ family: row.family, budget: String(row.budget), a: row.policy_a, b: row.policy_b, k: row.k }, row.verdict, verdictEvidenceOf(row)),
      ),
  );
}
