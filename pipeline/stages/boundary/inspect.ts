/**
 * `npm run inspect -- boundary`: the k = n boundary table, the verdict sentences at each family's
 * largest budget, and the task ids each policy gained and lost.
 */
import type { PairVerdict } from '../../../analyses/passkt/boundary-table';
import { parseBudget, type Budget } from '../../../analyses/budget';
import { verdictSentence, type Verdict } from '../../../analyses/passkt/verdict';
import { pValueText } from '../../../analyses/stats/format';
import { textTable } from '../../cli/table';
import type { StageInput } from '../../runner/stage';
import { compareText } from '../../../analyses/stats/compare-text';
import { headlineBudget } from '../../../analyses/budget';
import { boundaryTasksFile } from '../../tables/boundary-tasks';

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
  const boundary = await output.csv('boundary.csv');
  const verdicts = await output.csv('verdict.csv');
  if (boundary.length === 0) return 'boundary: no policy pair to compare (one policy, or no common tasks).';
  const table = textTable(
    ['family', 'T', 'a', 'b', 'k', 'only_a', 'only_b', 'both', 'neither', 'p'],
    boundary.map((row) => [row.family, row.budget, row.policy_a, row.policy_b, Number(row.k), Number(row.only_a), Number(row.only_b), Number(row.both), Number(row.neither), pValueText(Number(row.p_value))]),
  );
  const sections = [`Capability boundary (solved at k = n: some episode correct; at a smaller k: pass@k >= 1/2)\n${table}`];
  const rows = verdicts.map((row): PairVerdict => ({
    family: row.family ?? '',
    budget: parseBudget(row.budget),
    a: row.policy_a ?? '',
    b: row.policy_b ?? '',
    k: Number(row.k),
    onlyA: Number(row.only_a),
    onlyB: Number(row.only_b),
    both: Number(row.both),
    neither: Number(row.neither),
    pValue: Number(row.p_value),
    sharedTasks: Number(row.shared_tasks),
    sharedPass1Diff: numberOrNaN(row.shared_pass1_diff),
    sharedPass1Low: numberOrNaN(row.shared_ci_low),
    sharedPass1High: numberOrNaN(row.shared_ci_high),
    verdict: row.verdict as Verdict,
  }));
  const headline = headlineVerdicts(rows, (output.manifest.details.headline_budgets ?? {}) as Record<string, Budget>);
  if (headline.length > 0) sections.push(`\nVerdicts (at each family's largest budget; every budget in verdict.csv)\n${headline.map((row) => `  ${verdictSentence({ family: row.family, budget: String(row.budget), a: row.a, b: row.b, k: row.k }, row.verdict, row)}`).join('\n')}`);
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


function numberOrNaN(text: string | undefined): number {
  return text === undefined || text === '' ? NaN : Number(text);
}
