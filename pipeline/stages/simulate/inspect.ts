/**
 * `npm run inspect -- simulate`: what was simulated (source, grid, counts) and, per policy and family
 * at the largest budget, the planted strategy mixture next to the strategies the episodes really used.
 */
import { percent as percentText } from '../../../analyses/stats/format';
import type { StageInput } from '../../runner/stage';
import type { PlantedTruth } from '../../simulate/planted-truth';

function percent(shares: Record<string, number>): string {
  return Object.entries(shares)
    .sort((a, b) => b[1] - a[1])
    .map(([name, share]) => `${name} ${percentText(share)}`)
    .join(', ');
}

/** The readable summary of the simulate stage's outputs. */
export async function inspectSimulation(output: StageInput): Promise<string> {
  const planted = await output.json<PlantedTruth>('planted.json');
  const lines = [
    `SIMULATED data (${planted.source} tasks) — not model outputs.`,
    `${planted.episodes} episodes: ${Object.keys(planted.policies).length} policies × ${planted.tasks} tasks × ${planted.grid.budgets.length} budgets (T = ${planted.grid.budgets.join(', ')}) × ${planted.grid.samples} samples; top-${planted.top_k} BM25 (k1 = ${planted.bm25.k1}, b = ${planted.bm25.b}).`,
    `tasks per family: ${Object.entries(planted.tasks_per_family)
      .map(([family, n]) => `${family} ${n}`)
      .join(', ')}`,
  ];
  const maxBudget = String(Math.max(...planted.grid.budgets));
  lines.push('', `strategies at T = ${maxBudget} (planned → what the episodes did):`);
  for (const [policy, families] of Object.entries(planted.strategy_frequencies)) {
    for (const [family, budgets] of Object.entries(families)) {
      const cell = budgets[maxBudget];
      if (!cell) continue;
      lines.push(`  ${policy} / ${family}: planned ${percent(cell.planned)}`);
      lines.push(`  ${' '.repeat(policy.length)}   ${' '.repeat(family.length)}  true    ${percent(cell.true)}`);
    }
  }
  return lines.join('\n');
}
