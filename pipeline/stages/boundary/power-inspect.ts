/**
 * `npm run inspect -- power`: for each policy pair at each family's headline budget, the smallest
 * boundary difference (only_a − only_b at k = n) the run's tasks and samples detect with the target
 * power at the boundary claim's adjusted level, and the tasks the observed difference would need.
 */
import { pValueText } from '../../../analyses/stats/format';
import type { StageInput } from '../../runner/stage';
import { powerTable, type PowerCsvRow } from '../../tables/power';

const METHOD =
  'Method: each task keeps the reference policy b\'s observed success rate, so it is solved at least once in n samples with probability ' +
  '1 − (1 − rate)^n by b and, with no difference, by a; a gain of size λ lets a solve a share λ of what b misses, a loss of size λ makes a ' +
  'miss a share λ of what b solves. Tasks are a sample of tasks like these, so the boundary counts are multinomial and the power of the ' +
  'exact McNemar test is computed exactly (normal approximation beyond 1000 discordant tasks), at alpha / tests — the level Holm asks of ' +
  'the smallest boundary p-value of the run (the family of p_holm), so the numbers are on the safe side. The tasks the observed difference needs take the observed ' +
  'shares only_a / tasks and only_b / tasks as the population\'s. No simulation: the same run gives the same numbers.';

function line(row: PowerCsvRow): string {
  const head = `${row.family} T=${row.budget}: ${row.policy_a} vs ${row.policy_b} (${row.tasks} tasks, n=${row.n})`;
  const power = `${Math.round(row.target_power * 100)}% power`;
  const bound = (value: number | null, word: string) => (value === null ? `no ${word} is detectable` : `a ${word} of ${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)} tasks`);
  const detectable = `smallest boundary difference (only_a − only_b) detected with ${power}: ${bound(row.detectable_gain, 'gain')}, ${bound(row.detectable_loss, 'loss')}`;
  const observed = `observed ${row.observed_diff >= 0 ? '+' : '−'}${Math.abs(row.observed_diff)}`;
  const needed =
    row.observed_diff === 0
      ? `${observed}: nothing to detect`
      : row.tasks_needed === null
        ? `${observed} would need more than ${row.max_tasks} tasks`
        : `${observed} would need about ${row.tasks_needed} tasks${row.tasks_needed <= row.tasks ? ' (the run has enough)' : ''}`;
  return `  ${head}: ${detectable}; ${needed}`;
}

/** The power view of the boundary stage. */
export async function inspectPower(output: StageInput): Promise<string> {
  if (!output.has(powerTable.file)) return 'power: this run has no power.csv (the boundary stage ran with an older version: re-run it with `npm run pipeline -- --from boundary`).';
  const rows = await powerTable.read(output);
  if (rows.length === 0) return 'power: no policy pair to compare.';
  const first = rows[0] as PowerCsvRow;
  return [
    `Boundary power at each family's largest budget: alpha=${first.alpha} over ${first.tests} boundary tests → alpha/tests=${pValueText(first.alpha_adjusted)}, target power ${first.target_power}`,
    ...rows.map(line),
    '',
    METHOD,
  ].join('\n');
}
