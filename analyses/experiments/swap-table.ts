/**
 * The swap experiment's tables: the accuracy of each cell of the 2 × 2 grid (plan ∈ {A, B} × reasoning
 * ∈ {A, B}, over the same episode keys) with task-clustered bootstrap intervals, and the attribution of
 * the difference A − B to plan and reasoning (attribution.ts) with intervals from the same resamples.
 */
import type { Budget } from '../budget';
import { createRng } from '../random/rng';
import { bootstrapIntervals, drawTaskResamples, weightedRatio } from '../stats/task-bootstrap';
import { ATTRIBUTION_TERMS, attributionTerms, type AttributionComponent, type AttributionOrder, type SwapGrid } from './attribution';
import { cellGroups, taskIndex } from './cells';

/** One swapped episode: a plan policy's episode key read by a reasoning policy, and whether its answer was right. */
export interface SwapOutcome {
  task: string;
  family: string;
  budget: number | null;
  /** The episode key (task, budget, sample) shared by the four cells. */
  key: string;
  plan: string;
  reasoning: string;
  correct: boolean;
}

/** A row of `swap.csv`. */
export interface SwapCellRow {
  family: string;
  budget: Budget;
  plan_policy: string;
  reasoning_policy: string;
  episodes: number;
  accuracy: number;
  ci_low: number | null;
  ci_high: number | null;
}

/** A row of `swap_attribution.csv` (policy_a = A, the plan flag's policy; policy_b = B, the reference; differences are A − B). */
export interface SwapAttributionRow {
  family: string;
  budget: Budget;
  policy_a: string;
  policy_b: string;
  component: AttributionComponent;
  order: AttributionOrder;
  episodes: number;
  tasks: number;
  difference: number;
  ci_low: number | null;
  ci_high: number | null;
  /** difference / total (null when the total is 0). */
  share: number | null;
  share_ci_low: number | null;
  share_ci_high: number | null;
}

/** Settings. */
export interface SwapOptions {
  a: string;
  b: string;
  resamples: number;
  level: number;
  seed: number;
}

const CELLS = ['AA', 'AB', 'BA', 'BB'] as const;
const finite = (value: number | undefined): number | null => (value !== undefined && Number.isFinite(value) ? value : null);

/** Both tables from the outcomes of the four cells. */
export function swapTables(outcomes: readonly SwapOutcome[], options: SwapOptions): { cells: SwapCellRow[]; attribution: SwapAttributionRow[] } {
  const { a, b } = options;
  const cellOf = (outcome: SwapOutcome): number => CELLS.indexOf(`${outcome.plan === a ? 'A' : 'B'}${outcome.reasoning === a ? 'A' : 'B'}` as (typeof CELLS)[number]);
  const cells: SwapCellRow[] = [];
  const attribution: SwapAttributionRow[] = [];
  for (const group of cellGroups(outcomes)) {
    const { tasks, of } = taskIndex(group.items);
    const n = CELLS.map(() => new Float64Array(tasks.length));
    const right = CELLS.map(() => new Float64Array(tasks.length));
    group.items.forEach((outcome, i) => {
      const c = cellOf(outcome);
      const t = of[i]!;
      n[c]![t] = n[c]![t]! + 1;
      if (outcome.correct) right[c]![t] = right[c]![t]! + 1;
    });
    const statistic = (weights: Float64Array | null): number[] => {
      const acc = CELLS.map((_, c) => weightedRatio(right[c]!, n[c]!, weights));
      const terms = attributionTerms({ AA: acc[0]!, AB: acc[1]!, BA: acc[2]!, BB: acc[3]! } satisfies SwapGrid);
      return [...acc, ...terms, ...terms.map((term) => (terms[0] !== 0 ? term / terms[0]! : NaN))];
    };
    const point = statistic(null);
    const interval =
      options.resamples > 0 ? bootstrapIntervals(drawTaskResamples(tasks.length, options.resamples, createRng(options.seed).fork(`${group.family}|${group.budget}`)), statistic, options.level) : null;
    const episodes = n[0]!.reduce((sum, x) => sum + x, 0);
    CELLS.forEach((cell, c) => {
      cells.push({
        family: group.family,
        budget: group.budget,
        plan_policy: cell[0] === 'A' ? a : b,
        reasoning_policy: cell[1] === 'A' ? a : b,
        episodes: n[c]!.reduce((sum, x) => sum + x, 0),
        accuracy: point[c]!,
        ci_low: interval ? finite(interval.lo[c]) : null,
        ci_high: interval ? finite(interval.hi[c]) : null,
      });
    });
    const terms = ATTRIBUTION_TERMS.length;
    ATTRIBUTION_TERMS.forEach(([component, order], k) => {
      const at = CELLS.length + k;
      const shareAt = CELLS.length + terms + k;
      attribution.push({
        family: group.family,
        budget: group.budget,
        policy_a: a,
        policy_b: b,
        component,
        order,
        episodes,
        tasks: tasks.length,
        difference: point[at]!,
        ci_low: interval ? finite(interval.lo[at]) : null,
        ci_high: interval ? finite(interval.hi[at]) : null,
        share: finite(point[shareAt]),
        share_ci_low: interval && finite(point[shareAt]) !== null ? finite(interval.lo[shareAt]) : null,
        share_ci_high: interval && finite(point[shareAt]) !== null ? finite(interval.hi[shareAt]) : null,
      });
    });
  }
  return { cells, attribution };
}
