/**
 * `planted.json`: everything the simulator planted, for analyses to score themselves against — the
 * grid, the policies' parameters, and the strategy shares planned and realized per cell.
 */
import type { PolicyConfig } from './policy-config';
import type { SimulatorConfig } from './simulator-config';
import type { StrategyTally } from './strategy-tally';

/** The content of planted.json. */
export interface PlantedTruth {
  simulated: true;
  source: 'generated' | 'hotpotqa';
  seed: number;
  grid: { budgets: number[]; samples: number };
  top_k: number;
  bm25: SimulatorConfig['bm25'];
  world: SimulatorConfig['world'] | null;
  tasks: number;
  tasks_per_family: Record<string, number>;
  episodes: number;
  policies: Record<string, PolicyConfig>;
  /** policy → family → budget → { episodes, planned: shares, true: shares }. */
  strategy_frequencies: ReturnType<StrategyTally['shares']>;
}
