/**
 * The per-policy strategy statistics behind figures 5a and 5b, read from `compare_frequencies.csv`
 * (rows compare a pair of policies; each policy's own share and success rate are taken from them once).
 */
import { headlineBudgets } from '../data/select';
import type { FrequencyRow } from '../data/mechanism-tables';
import type { Budget } from '../data/tables';

/** One strategy of one policy in one family at the headline budget. */
export interface StrategyStat {
  family: string;
  budget: Budget;
  policy: string;
  strategy: string;
  count: number;
  share: number;
  share_lo: number | null;
  share_hi: number | null;
  acc: number | null;
  acc_lo: number | null;
  acc_hi: number | null;
}

/** Per-policy statistics of the rule labels (scheme `label`) at each family's largest budget. */
export function strategyStats(rows: readonly FrequencyRow[], scheme = 'label'): StrategyStat[] {
  const ofScheme = rows.filter((row) => row.scheme === scheme);
  const budgets = headlineBudgets(ofScheme);
  const stats = new Map<string, StrategyStat>();
  for (const row of ofScheme) {
    if (budgets.get(row.family) !== row.budget) continue;
    const sides = [
      { policy: row.policy_a, count: row.count_a, share: row.share_a, share_lo: row.share_a_lo, share_hi: row.share_a_hi, acc: row.acc_a, acc_lo: row.acc_a_lo, acc_hi: row.acc_a_hi },
      { policy: row.policy_b, count: row.count_b, share: row.share_b, share_lo: row.share_b_lo, share_hi: row.share_b_hi, acc: row.acc_b, acc_lo: row.acc_b_lo, acc_hi: row.acc_b_hi },
    ];
    for (const side of sides) {
      const key = `${row.family}\u0000${side.policy}\u0000${row.strategy}`;
      if (!stats.has(key)) stats.set(key, { family: row.family, budget: row.budget, strategy: row.strategy, ...side });
    }
  }
  return [...stats.values()];
}
