/** The score stage's summary lines and `npm run inspect -- score` text. */
import { groupName } from '../../../analyses/experiments/cells';
import { fixed, signed } from '../../../analyses/stats/format';
import type { SurprisalDiffRow, SurprisalRow } from '../../../analyses/experiments/surprisal-table';
import { textTable } from '../../cli/table';
import type { StageInput } from '../../runner/stage';
import { surprisalDiffTable, surprisalTable } from '../../tables/surprisal';

const interval = (low: number | null, high: number | null) => (low === null || high === null ? '' : ` [${fixed(low, 2)}, ${fixed(high, 2)}]`);

/** The headline rows of each policy: everything together, else each family with all its budgets, else each cell. */
export function headlineRows<R extends { policy: string; family: string; budget: number | 'all' }>(rows: readonly R[]): R[] {
  const out: R[] = [];
  for (const policy of [...new Set(rows.map((row) => row.policy))]) {
    const own = rows.filter((row) => row.policy === policy);
    const pooled = own.filter((row) => row.family === 'all' && row.budget === 'all');
    const families = own.filter((row) => row.budget === 'all');
    out.push(...(pooled.length > 0 ? pooled : families.length > 0 ? families : own));
  }
  return out;
}

/** One line per headline group: mean nats (perplexity) per segment and reasoning − query. */
export function summaryLines(rows: readonly SurprisalRow[], diffs: readonly SurprisalDiffRow[]): string[] {
  return headlineRows(diffs).map((diff) => {
    const segments = rows
      .filter((row) => row.policy === diff.policy && row.family === diff.family && row.budget === diff.budget)
      .map((row) => `${row.segment} ${fixed(row.mean_nats, 2)}${interval(row.ci_low, row.ci_high)} (perplexity ${fixed(row.perplexity, 2)})`);
    return `score: ${diff.policy} under ${diff.scorer}, ${groupName(diff.family, diff.budget)}, ${diff.episodes} episodes: ${segments.join(', ')} nats/token; reasoning − query ${signed(diff.difference, 2)}${interval(diff.ci_low, diff.ci_high)}`;
  });
}

/** `npm run inspect -- score`. */
export async function inspectScore(output: StageInput): Promise<string> {
  const rows = await surprisalTable.read(output);
  const diffs = await surprisalDiffTable.read(output);
  const table = textTable(
    ['policy', 'family', 'budget', 'segment', 'episodes', 'tokens', 'nats/token', '95% interval', 'perplexity'],
    rows.map((r) => [r.policy, r.family, String(r.budget), r.segment, r.episodes, r.tokens, fixed(r.mean_nats, 3), interval(r.ci_low, r.ci_high).trim(), fixed(r.perplexity, 2)]),
  );
  const paired = textTable(
    ['policy', 'family', 'budget', 'reasoning − query', '95% interval', 'perplexity ratio'],
    diffs.map((d) => [d.policy, d.family, String(d.budget), signed(d.difference, 3), interval(d.ci_low, d.ci_high).trim(), fixed(d.perplexity_ratio, 2)]),
  );
  return [...output.manifest.summary, '', table, '', paired].join('\n');
}
