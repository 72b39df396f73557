/**
 * `npm run inspect -- passkt`: the k × T table of PASS@(k,T) per family and policy (k = powers of two
 * and n as rows, budgets as columns), then crossovers and saturation depths.
 */
import { compareBudgets, parseBudget } from '../../../analyses/budget';
import { crossoverTable, type CrossoverRow } from '../../tables/crossover';
import { crossoverText, type CrossoverFacts } from './summary';
import type { StageInput } from '../../runner/stage';
import { signed } from '../../../analyses/stats/format';
import { compareText } from '../../../analyses/stats/compare-text';
import { headlineBudget } from '../../../analyses/budget';

/** The k values a report shows: powers of two up to n, and n. */
export function reportedKs(n: number): number[] {
  const ks: number[] = [];
  for (let k = 1; k <= n; k *= 2) ks.push(k);
  if (ks[ks.length - 1] !== n && n > 0) ks.push(n);
  return ks;
}

/** Formats one k × T table from passkt.csv rows of a single (family, policy, mode). */
export function kByTTable(rows: readonly Record<string, string>[]): string {
  const budgets = [...new Set(rows.map((row) => parseBudget(row.budget)))].sort(compareBudgets);
  const value = new Map(rows.map((row) => [`${row.k}|${row.budget}`, row.pass ?? '']));
  const n = Math.max(...rows.map((row) => Number(row.k)));
  const header = ['k', ...budgets.map((budget) => (budget === 'all' ? 'all' : `T=${budget}`))];
  const body = reportedKs(n).map((k) => [String(k), ...budgets.map((budget) => formatPass(value.get(`${k}|${budget}`)))]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((line) => (line[i] as string).length)));
  const format = (cells: readonly string[]) => cells.map((text, i) => text.padStart(widths[i] as number)).join('  ');
  return [format(header), ...body.map(format)].join('\n');
}

function formatPass(text: string | undefined): string {
  if (text === undefined) return '—';
  if (text === '') return 'n/a';
  return Number(text).toFixed(3);
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
  const rows = await output.csv('passkt.csv');
  if (rows.length === 0) return 'passkt: no PASS@(k,T) rows (no episodes).';
  const groups = new Map<string, Record<string, string>[]>();
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
    const group = groups.get(key) as Record<string, string>[];
    const tasks = Math.max(...group.filter((row) => row.k === '1').map((row) => Number(row.tasks)));
    sections.push(`\n${family} · ${policy} (${mode}, ${tasks} tasks)\n${kByTTable(group)}`);
  }
  if (output.has(crossoverTable.file)) {
    const crossovers = await crossoverTable.read(output);
    const level = Number((output.manifest.params as { level?: number }).level ?? 0.95);
    const lines = crossovers
      .filter((row) => row.budget === headlineBudget(crossovers.filter((other) => other.family === row.family).map((other) => other.budget)))
      .map((row) => `  ${row.family} T=${row.budget}: ${row.policy_a} − ${row.policy_b} at k=1 ${signed(row.diff_at_1)}, at k=${row.k_max} ${signed(row.diff_at_max)} → ${crossoverText(factsOf(row), row.tolerance, level)}`);
    if (lines.length > 0) sections.push(`\nCrossover (paired differences on common tasks; every budget in crossover.csv)\n${lines.join('\n')}`);
  }
  if (output.has('saturation.csv')) {
    const saturation = await output.csv('saturation.csv');
    const lines = [...new Set(saturation.map((row) => `${row.family}\u0000${row.policy}\u0000${row.mode}`))].sort(compareText).map((key) => {
      const [family, policy] = key.split('\u0000') as [string, string];
      const series = saturation.filter((row) => `${row.family}\u0000${row.policy}\u0000${row.mode}` === key);
      const n = Math.max(...series.map((row) => Number(row.k)));
      const at = (k: number) => {
        const row = series.find((entry) => Number(entry.k) === k);
        if (!row) return 'n/a';
        const bound = (text: string | undefined) => (text ? text : 'not reached');
        return `${row.t_star || 'not reached'}${row.t_star_low ? ` [${bound(row.t_star_low)}, ${bound(row.t_star_high)}]` : ''}`;
      };
      return `  ${family} · ${policy}: T* at k=1 ${at(1)}, at k=${n} ${at(n)}`;
    });
    if (lines.length > 0) sections.push(`\nSaturation depth T* (every further Δ_T below ${saturation[0]?.threshold ?? ''}; bootstrap interval)\n${lines.join('\n')}`);
  }
  sections.push('\nBoundary sets, McNemar tests and verdicts: npm run inspect -- boundary');
  return sections.join('\n');
}
