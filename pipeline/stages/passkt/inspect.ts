/**
 * `npm run inspect -- passkt`: the k × T table of PASS@(k,T) per family and policy (k = powers of two
 * and n as rows, budgets as columns), then crossovers and saturation depths.
 */
import { from, op } from 'arquero';
import { compareBudgets, headlineBudget } from '../../../analyses/budget';
import { crossoverText, type CrossoverFacts } from './summary';
import { compareText } from '../../../analyses/stats/compare-text';
import { fixed, signed } from '../../../analyses/stats/format';
import type { StageInput } from '../../runner/stage';
import { crossoverTable, type CrossoverRow } from '../../tables/crossover';
import { type PassRow, passTable } from '../../tables/passkt';
import { saturationTable } from '../../tables/saturation';

/** The k values a report shows: powers of two up to n, and n. */
export function reportedKs(n: number): number[] {
  const ks: number[] = [];
  for (let k = 1; k <= n; k *= 2) ks.push(k);
  if (ks[ks.length - 1] !== n && n > 0) ks.push(n);
  return ks;
}

const budgetTitle = (budget: PassRow['budget']): string => (budget === 'all' ? 'all' : `T=${budget}`);

/** Formats one k × T table from the passkt.csv rows of a single (family, policy, mode): a pivot of k by budget. */
export function kByTTable(rows: readonly PassRow[]): string {
  const budgets = [...new Set(rows.map((row) => row.budget))].sort(compareBudgets).map(budgetTitle);
  const n = Math.max(...rows.map((row) => row.k));
  const shown = new Set(reportedKs(n));
  // A blank estimate (no task reaches k) is kept as NaN so the pivot tells "n/a" from an absent cell ("—").
  const wide = from(rows.filter((row) => shown.has(row.k)).map((row) => ({ k: row.k, budget: budgetTitle(row.budget), pass: row.pass ?? NaN })))
    .groupby('k')
    .pivot('budget', { pass: (d: { pass: number }) => op.any(d.pass) })
    .orderby('k')
    .objects() as Record<string, number | undefined>[];
  const header = ['k', ...budgets];
  const body = wide.map((line) => [String(line.k), ...budgets.map((budget) => formatPass(line[budget]))]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => (cells[i] as string).length)));
  const format = (cells: readonly string[]) => cells.map((text, i) => text.padStart(widths[i] as number)).join('  ');
  return [format(header), ...body.map(format)].join('\n');
}

function formatPass(value: number | undefined): string {
  if (value === undefined) return '—';
  return fixed(value);
}

/** A `crossover.csv` row as the crossover sentence reads it. */
function factsOf(row: CrossoverRow): CrossoverFacts {
  return {
    a: row.policy_a,
    b: row.policy_b,
    kMax: row.k_max,
    status: row.status,
    k: row.crossover_k,
    kLow: row.crossover_k_low ?? NaN,
    // a blank high end with a low end means "beyond the grid"
    kHigh: row.crossover_k_high ?? (row.crossover_k_low === null ? NaN : Infinity),
    significant: row.significant,
  };
}

/** The passkt stage's inspect text. */
export async function inspectPasskt(output: StageInput): Promise<string> {
  const rows = await passTable.read(output);
  if (rows.length === 0) return 'passkt: no PASS@(k,T) rows (no episodes).';
  const groups = new Map<string, PassRow[]>();
  for (const row of rows) {
    const key = `${row.family}\u0000${row.policy}\u0000${row.mode}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const sections: string[] = ['PASS@(k,T) — rows k, columns budget T (95% intervals in passkt.csv)'];
  const keys = [...groups.keys()].sort(compareText);
  for (const key of keys) {
    const [family, policy, mode] = key.split('\u0000') as [string, string, string];
    const group = groups.get(key) as PassRow[];
    const tasks = Math.max(...group.filter((row) => row.k === 1).map((row) => row.tasks));
    sections.push(`\n${family} · ${policy} (${mode}, ${tasks} tasks)\n${kByTTable(group)}`);
  }
  if (output.has(crossoverTable.file)) {
    const crossovers = await crossoverTable.read(output);
    const level = Number((output.manifest.params as { level?: number }).level ?? 0.95);
    const lines = crossovers
      // The headline budget comes from passkt.csv, whose rows say which budgets the data was run at.
      .filter((row) => row.budget === headlineBudget(rows.filter((other) => other.family === row.family)))
      .map((row) => `  ${row.family} T=${row.budget}: ${row.policy_a} − ${row.policy_b} at k=1 ${signed(row.diff_at_1)}, at k=${row.k_max} ${signed(row.diff_at_max)} → ${crossoverText(factsOf(row), row.tolerance, level)}`);
    if (lines.length > 0) sections.push(`\nCrossover (paired differences on common tasks; every budget in crossover.csv)\n${lines.join('\n')}`);
  }
  if (output.has(saturationTable.file)) {
    const saturation = await saturationTable.read(output);
    const lines = [...new Set(saturation.map((row) => `${row.family}\u0000${row.policy}\u0000${row.mode}`))].sort(compareText).map((key) => {
      const [family, policy] = key.split('\u0000') as [string, string];
      const series = saturation.filter((row) => `${row.family}\u0000${row.policy}\u0000${row.mode}` === key);
      const n = Math.max(...series.map((row) => row.k));
      const at = (k: number) => {
        const row = series.find((entry) => entry.k === k);
        if (!row) return 'n/a';
        const bound = (value: number | null) => (value === null ? 'not reached' : String(value));
        return `${bound(row.t_star)}${row.t_star_low !== null ? ` [${bound(row.t_star_low)}, ${bound(row.t_star_high)}]` : ''}`;
      };
      return `  ${family} · ${policy}: T* at k=1 ${at(1)}, at k=${n} ${at(n)}`;
    });
    if (lines.length > 0) sections.push(`\nSaturation depth T* (every further Δ_T below ${saturation[0]?.threshold ?? ''}; bootstrap interval)\n${lines.join('\n')}`);
  }
  sections.push('\nBoundary sets, McNemar tests and verdicts: npm run inspect -- boundary');
  return sections.join('\n');
}
