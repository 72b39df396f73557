/**
 * Per-policy strategy diversity and novelty (the study's mechanism view): the mean number of unique query
 * sequences per task, and the mean share of a policy's sequences the base policy also used (and the reverse),
 * each with a bootstrap interval over tasks.
 */
import type { Rng } from '../random/rng';
import { bootstrapMean } from '../stats/task-bootstrap';
import { compareRows, type SequenceRow } from './sequence-table';
import { compareText } from '../stats/compare-text';

/** A row of `diversity.csv`. */
export type DiversityRow = {
  policy: string;
  family: string;
  budget: number | null;
  base: string;
  tasks: number;
  episodes: number;
  mean_unique: number;
  unique_ci_low: number;
  unique_ci_high: number;
  /** Tasks where the base policy also has episodes at this budget (the overlap is averaged over these). */
  tasks_with_base: number;
  share_in_base: number | null;
  share_in_base_ci_low: number | null;
  share_in_base_ci_high: number | null;
  share_of_base: number | null;
  share_of_base_ci_low: number | null;
  share_of_base_ci_high: number | null;
  episode_share_in_base: number | null;
};

/** Options of the diversity summary. */
export interface DiversityOptions {
  base: string;
  resamples: number;
  level: number;
}

/** Summarizes `sequences.csv` rows per (policy, family, budget). */
export function summarizeDiversity(rows: readonly SequenceRow[], rng: Rng, options: DiversityOptions): DiversityRow[] {
  const groups = new Map<string, SequenceRow[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.policy, row.family, row.budget]);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const out: DiversityRow[] = [];
  for (const [key, list] of [...groups].sort(([a], [b]) => compareText(a, b))) {
    const first = list[0]!;
    const groupRng = rng.fork(key);
    const unique = bootstrapMean(list.map((row) => row.unique_sequences), groupRng.fork('unique'), options.resamples, options.level);
    const withBase = list.filter((row) => row.share_in_base !== null);
    const inBase = interval(withBase.map((row) => row.share_in_base!), groupRng.fork('in-base'), options);
    const ofBase = interval(withBase.map((row) => row.share_of_base!), groupRng.fork('of-base'), options);
    const episodes = list.reduce((total, row) => total + row.episodes, 0);
    const baseEpisodes = withBase.reduce((total, row) => total + row.episodes, 0);
    const sharedEpisodes = withBase.reduce((total, row) => total + row.episode_share_in_base! * row.episodes, 0);
    out.push({
      policy: first.policy,
      family: first.family,
      budget: first.budget,
      base: options.base,
      tasks: list.length,
      episodes,
      mean_unique: unique.mean,
      unique_ci_low: unique.low,
      unique_ci_high: unique.high,
      tasks_with_base: withBase.length,
      share_in_base: inBase.mean,
      share_in_base_ci_low: inBase.low,
      share_in_base_ci_high: inBase.high,
      share_of_base: ofBase.mean,
      share_of_base_ci_low: ofBase.low,
      share_of_base_ci_high: ofBase.high,
      episode_share_in_base: baseEpisodes > 0 ? sharedEpisodes / baseEpisodes : null,
    });
  }
  return out.sort((a, b) => compareRows({ ...a, task: '' }, { ...b, task: '' }));
}

function interval(values: number[], rng: Rng, options: DiversityOptions): { mean: number | null; low: number | null; high: number | null } {
  if (values.length === 0) return { mean: null, low: null, high: null };
  return bootstrapMean(values, rng, options.resamples, options.level);
}
