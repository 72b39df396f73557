/**
 * `npm run inspect -- passkt`: the k × T table of PASS@(k,T) per family and policy (k = powers of two
 * and n as rows, budgets as columns), then crossovers and saturation depths.
 */
import { compareBudgets, parseBudget, type Budget } from '../../../analyses/budget';
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
  if (output.has('crossover.csv')) {
    const crossovers = await output.csv('crossover.csv');
    const lines = crossovers
      .filter((row) => {
        const budgets = crossovers.filter((other) => other.family === row.family).map((other) => parseBudget(other.budget));
        return parseBudget(row.budget) === headlineBudget(budgets as Budget[]);
      })
      .map((row) => `  ${row.family} T=${row.budget}: ${row.policy_a} − ${row.policy_b} at k=1 ${signed(Number(row.diff_at_1 || NaN))}, at k=${row.k_max} ${signed(Number(row.diff_at_max || NaN))} → ${row.status === 'crosses' ? `stays at or above from k=${row.crossover_k}` : row.status === 'always' ? 'at or above at every k' : 'below at the largest k'}`);
    if (lines.length > 0) sections.push(`\nCrossover (paired differences on common tasks)\n${lines.join('\n')}`);
  }
  if (output.has('saturation.csv')) {
    const saturation = await output.csv('saturation.csv');
    const lines = [...new Set(saturation.map((row) => `${row.family}\u0000${row.policy}\u0000${row.mode}`))].sort(compareText).map((key) => {
      const [family, policy] = key.split('\u0000') as [string, string];
      const series = saturation.filter((row) => `${row.family}\u0000${row.policy}\u0000${row.mode}` === key);
      const n = Math.max(...series.map((row) => Number(row.k)));
      const at = (k: number) => series.find((row) => Number(row.k) === k)?.t_star || 'not reached';
      return `  ${family} · ${policy}: T* at k=1 ${at(1)}, at k=${n} ${at(n)}`;
    });
    if (lines.length > 0) sections.push(`\nSaturation depth T* (every further Δ_T below ${saturation[0]?.threshold ?? ''})\n${lines.join('\n')}`);
  }
  sections.push('\nBoundary sets, McNemar tests and verdicts: npm run inspect -- boundary');
  return sections.join('\n');
}
