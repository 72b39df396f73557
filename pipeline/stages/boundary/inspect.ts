/**
 * `npm run inspect -- boundary`: the k = n boundary table, the verdict sentences at each family's
 * largest budget, and the task ids each policy gained and lost.
 */
import type { PairVerdict } from '../../../analyses/passkt/verdict-table';
import type { Budget } from '../../../analyses/budget';
import { verdictSentence } from '../../../analyses/passkt/verdict';
import { pValueText } from '../../../analyses/stats/format';
import { textTable } from '../../cli/table';
import type { StageInput } from '../../runner/stage';
import { compareText } from '../../../analyses/stats/compare-text';
import { headlineBudget } from '../../../analyses/budget';
import { boundaryTasksFile } from '../../tables/boundary-tasks';
import { boundaryTable } from '../../tables/boundary';
import { verdictEvidenceOf, verdictTable } from '../../tables/verdict';

/**
 * The verdict rows at each family's headline budget: the one given (the largest T the data was run at,
 * else `all`), or for a family without one the largest T of its rows.
 */
export function headlineVerdicts(rows: readonly PairVerdict[], headline: Readonly<Record<string, Budget>> = {}): PairVerdict[] {
  const families = [...new Set(rows.map((row) => row.family))].sort(compareText);
  return families.flatMap((family) => {
    const own = rows.filter((row) => row.family === family);
    const budget = headline[family] ?? headlineBudget(own.map((row) => row.budget));
    return own.filter((row) => row.budget === budget);
  });
}

/** `npm run inspect -- boundary`: the k = n boundary table, the verdicts, and the tasks gained and lost. */
export async function inspectBoundary(output: StageInput): Promise<string> {
  const boundary = await boundaryTable.read(output);
  const verdicts = await verdictTable.read(output);
  if (boundary.length === 0) return 'boundary: no policy pair to compare (one policy, or no common tasks).';
  const table = textTable(
    ['family', 'T', 'a', 'b', 'k', 'only_a', 'only_b', 'both', 'neither', 'p', 'p_holm', 'q_bh'],
    boundary.map((row) => [row.family, String(row.budget), row.policy_a, row.policy_b, row.k, row.only_a, row.only_b, row.both, row.neither, pValueText(row.p_value), pValueText(row.p_holm), pValueText(row.q_bh)]),
  );
  const multiplicity = (output.manifest.details.multiplicity as { boundary?: string; verdicts?: string } | undefined) ?? {};
  const sections = [`Capability boundary (solved at k = n: some episode correct; at a smaller k: pass@k >= 1/2)\n${table}`];
  if (multiplicity.boundary) sections.push(`p_holm, q_bh: ${multiplicity.boundary}`);
  const rows = verdicts.map((row): PairVerdict => ({
    family: row.family,
    budget: row.budget,
    a: row.policy_a,
    b: row.policy_b,
    k: row.k,
    both: row.both,
    neither: row.neither,
    ...verdictEvidenceOf(row),
    verdict: row.verdict,
  }));
  const headline = headlineVerdicts(rows, (output.manifest.details.headline_budgets ?? {}) as Record<string, Budget>);
  if (headline.length > 0) {
    sections.push(`\nVerdicts (at each family's largest budget; every budget in verdict.csv)${multiplicity.verdicts ? `\n  ${multiplicity.verdicts}` : ''}`);
    sections.push(headline.map((row) => `  ${verdictSentence({ family: row.family, budget: String(row.budget), a: row.a, b: row.b, k: row.k }, row.verdict, row)}`).join('\n'));
  }
  if (output.has(boundaryTasksFile.file)) {
    const tasks = await boundaryTasksFile.read(output);
    const lines = headline.flatMap((row) => {
      const entry = tasks.find((item) => item.family === row.family && String(item.budget) === String(row.budget) && item.policy_a === row.a && item.policy_b === row.b && item.k === row.k);
      if (!entry) return [];
      const label = `  ${row.family} T=${row.budget}, ${row.a} vs ${row.b}`;
      return [`${label}: only ${row.a}: ${listIds(entry.only_a)}`, `${label}: only ${row.b}: ${listIds(entry.only_b)}`];
    });
    if (lines.length > 0) sections.push(`\nTasks gained and lost (all ids in boundary_tasks.json)\n${lines.join('\n')}`);
  }
  return sections.join('\n');
}

function listIds(ids: readonly string[]): string {
  if (ids.length === 0) return '(none)';
  const shown = ids.slice(0, 8).join(', ');
  return ids.length > 8 ? `${shown}, … (${ids.length} in all)` : shown;
}

