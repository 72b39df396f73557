/**
 * Which terms of a shift-share decomposition rest on thin data. A strategy cell (one policy's episodes
 * of one strategy) is thin when it has fewer than `minEpisodes` episodes or comes from fewer than
 * `minTasks` tasks; a strategy is thin when a cell of a policy that uses it is. A term rests on thin
 * data when at least half of the absolute per-strategy contributions behind it come from thin
 * strategies — e.g. a within-strategy term driven by 66 single-shot episodes of one policy.
 */
import type { PairTable } from './pair-table';

/** When a strategy cell counts as thin. */
export interface ThinThresholds {
  /** Fewer tasks than this in a cell is thin (default 30). */
  minTasks: number;
  /** Fewer episodes than this in a cell is thin (default 100). */
  minEpisodes: number;
}

/** Default thresholds (compare stage parameters `thinTasks`, `thinEpisodes`). */
export const THIN_DEFAULTS: ThinThresholds = { minTasks: 30, minEpisodes: 100 };

/** Per category: true when a policy that uses it has a thin cell there. */
export function thinStrategies(table: PairTable, thresholds: ThinThresholds): boolean[] {
  const k = table.categories.length;
  return table.categories.map((_, s) => {
    const cell = (counts: Float64Array) => {
      let episodes = 0;
      let tasks = 0;
      for (let t = 0; t < table.tasks.length; t++) {
        const n = counts[t * k + s]!;
        episodes += n;
        if (n > 0) tasks += 1;
      }
      return { episodes, tasks };
    };
    return [cell(table.nA), cell(table.nB)].some(({ episodes, tasks }) => episodes > 0 && (episodes < thresholds.minEpisodes || tasks < thresholds.minTasks));
  });
}

/** True when at least half of the absolute contributions to a term come from thin strategies (false when nothing contributes). */
export function restsOnThin(contributions: ArrayLike<number>, thin: readonly boolean[]): boolean {
  let all = 0;
  let fromThin = 0;
  for (let s = 0; s < contributions.length; s++) {
    const size = Math.abs(contributions[s] as number);
    all += size;
    if (thin[s]) fromThin += size;
  }
  return all > 0 && fromThin >= all / 2;
}
