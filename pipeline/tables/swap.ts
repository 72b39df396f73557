/**
 * The swap stage's tables: `swap.csv` (accuracy of each cell of the 2 × 2 grid plan × reasoning, with a
 * task-bootstrap interval), `swap_attribution.csv` (the difference A − B split into plan and reasoning,
 * each order and their average, with intervals) and `swap_episodes.csv` (every swapped episode).
 */
import type { SwapAttributionRow, SwapCellRow } from '../../analyses/experiments/swap-table';
import { ATTRIBUTION_TERMS } from '../../analyses/experiments/attribution';
import { defineCsvTable } from './csv-table';
import { bool, budget, episodeBudget, int, num, oneOf, optionalNum, optionalText, text } from './cells';
import type { RowOf } from './row-of';

/** `swap.csv` (docs/experiments.md). */
export const swapTable = defineCsvTable<SwapCellRow>('swap.csv', {
  family: text,
  budget,
  plan_policy: text,
  reasoning_policy: text,
  episodes: int,
  accuracy: num,
  ci_low: optionalNum,
  ci_high: optionalNum,
});

/** `swap_attribution.csv`: component ∈ total, plan, reasoning, interaction; order ∈ plan_first, reasoning_first, shapley (none for total and interaction). */
export const swapAttributionTable = defineCsvTable<SwapAttributionRow>('swap_attribution.csv', {
  family: text,
  budget,
  policy_a: text,
  policy_b: text,
  component: oneOf([...new Set(ATTRIBUTION_TERMS.map(([component]) => component))]),
  order: oneOf([...new Set(ATTRIBUTION_TERMS.map(([, order]) => order))]),
  episodes: int,
  tasks: int,
  difference: num,
  ci_low: optionalNum,
  ci_high: optionalNum,
  share: optionalNum,
  share_ci_low: optionalNum,
  share_ci_high: optionalNum,
});

/** `swap_episodes.csv`: one row per swapped episode (the plan episode's id and key, who reasoned, the answer and its grade). */
export const swapEpisodesTable = defineCsvTable('swap_episodes.csv', {
  plan_episode: text,
  task: text,
  family: text,
  budget: episodeBudget,
  sample: int,
  plan_policy: text,
  reasoning_policy: text,
  answer: optionalText,
  correct: bool,
  f1: num,
  requests: int,
});

/** A row of `swap_episodes.csv`. */
export type SwapEpisodeRow = RowOf<typeof swapEpisodesTable>;
