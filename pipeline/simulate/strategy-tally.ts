/**
 * Counts planned and true strategies per (policy, family, budget) while episodes stream by, for
 * planted.json: the planted mixture is what policies set out to do, the true-strategy shares are what
 * the episodes did (the numbers a labeler's frequencies should match).
 */
import type { SimulatedMeta } from './simulate-episodes';

type Counts = Record<string, number>;

/** Planned and realized strategy counts of one (policy, family, budget) cell. */
export interface StrategyCell {
  episodes: number;
  planned: Counts;
  true: Counts;
}

/** Nested counts: policy → family → budget → cell. */
export type StrategyCounts = Record<string, Record<string, Record<string, StrategyCell>>>;

/** Accumulates strategy counts. */
export class StrategyTally {
  readonly counts: StrategyCounts = {};

  /** Adds one episode. */
  add(policy: string, family: string, budget: number, meta: SimulatedMeta): void {
    const byFamily = (this.counts[policy] ??= {});
    const byBudget = (byFamily[family] ??= {});
    const cell = (byBudget[String(budget)] ??= { episodes: 0, planned: {}, true: {} });
    cell.episodes += 1;
    cell.planned[meta.planned_strategy] = (cell.planned[meta.planned_strategy] ?? 0) + 1;
    cell.true[meta.true_strategy] = (cell.true[meta.true_strategy] ?? 0) + 1;
  }

  /** The counts as shares (fractions of the cell's episodes), keys sorted for stable output. */
  shares(): Record<string, Record<string, Record<string, { episodes: number; planned: Counts; true: Counts }>>> {
    const share = (counts: Counts, n: number): Counts =>
      Object.fromEntries(
        Object.keys(counts)
          .sort()
          .map((k) => [k, counts[k]! / n]),
      );
    const out: ReturnType<StrategyTally['shares']> = {};
    for (const [policy, families] of Object.entries(this.counts)) {
      out[policy] = {};
      for (const [family, budgets] of Object.entries(families)) {
        out[policy][family] = {};
        for (const [budget, cell] of Object.entries(budgets)) {
          out[policy][family][budget] = { episodes: cell.episodes, planned: share(cell.planned, cell.episodes), true: share(cell.true, cell.episodes) };
        }
      }
    }
    return out;
  }
}
