/** The swap stage's summary lines and `npm run inspect -- swap` text. */
import type { SwapAttributionRow, SwapCellRow } from '../../../analyses/experiments/swap-table';
import { groupName } from '../../../analyses/experiments/cells';
import { fixed, percent, signed } from '../../../analyses/stats/format';
import { textTable } from '../../cli/table';
import type { StageInput } from '../../runner/stage';
import { swapAttributionTable, swapTable } from '../../tables/swap';

const interval = (low: number | null, high: number | null, digits = 3) => (low === null || high === null ? '' : ` [${fixed(low, digits)}, ${fixed(high, digits)}]`);

// The groups a summary shows: each family with all its budgets (else each cell), and everything together.
function headline<R extends { family: string; budget: number | 'all' }>(rows: readonly R[]): R[] {
  const pooled = rows.filter((row) => row.budget === 'all');
  return pooled.length > 0 ? pooled : [...rows];
}

/** One line per headline group: the four cells and the Shapley split of A − B. */
export function summaryLines(cells: readonly SwapCellRow[], attribution: readonly SwapAttributionRow[]): string[] {
  return headline(attribution.filter((row) => row.component === 'total')).map((total) => {
    const group = (row: { family: string; budget: number | 'all' }) => row.family === total.family && row.budget === total.budget;
    const grid = cells.filter(group).map((cell) => `${cell.plan_policy} plan + ${cell.reasoning_policy} reasoning ${fixed(cell.accuracy)}`);
    const share = (component: string) => {
      const row = attribution.find((r) => group(r) && r.component === component && r.order === 'shapley')!;
      return `${component} ${signed(row.difference)} (${percent(row.share, 0)}${interval(row.share_ci_low, row.share_ci_high, 2)})`;
    };
    return `swap: ${groupName(total.family, total.budget)}, ${total.episodes} keys: ${grid.join(', ')}; ${total.policy_a} − ${total.policy_b} ${signed(total.difference)}${interval(total.ci_low, total.ci_high)} = ${share('plan')} + ${share('reasoning')}`;
  });
}

/** `npm run inspect -- swap`. */
export async function inspectSwap(output: StageInput): Promise<string> {
  const cells = await swapTable.read(output);
  const attribution = await swapAttributionTable.read(output);
  const grid = textTable(
    ['family', 'budget', 'plan', 'reasoning', 'episodes', 'accuracy', '95% interval'],
    cells.map((c) => [c.family, String(c.budget), c.plan_policy, c.reasoning_policy, c.episodes, c.accuracy, interval(c.ci_low, c.ci_high).trim()]),
  );
  const split = textTable(
    ['family', 'budget', 'component', 'order', 'difference', '95% interval', 'share', 'share interval'],
    attribution.map((a) => [a.family, String(a.budget), a.component, a.order, signed(a.difference), interval(a.ci_low, a.ci_high).trim(), percent(a.share, 1), interval(a.share_ci_low, a.share_ci_high, 2).trim()]),
  );
  return [...output.manifest.summary, '', grid, '', split].join('\n');
}
