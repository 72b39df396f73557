/**
 * Surprisal by segment (the study's Fig. 4a): for each scored policy and group of episodes, the mean
 * surprisal per token of its queries, reasoning and answers under the scoring model — total nats over
 * total tokens of the group — its perplexity exp(mean), and a task-clustered bootstrap interval of the
 * mean (resampling whole tasks); and the paired difference reasoning − query, from the same resamples.
 */
import { createRng } from '../random/rng';
import { SURPRISAL_SEGMENTS, type SegmentSums, type SurprisalSegment } from './segments';
import { bootstrapIntervals, drawTaskResamples, weightedRatio } from '../stats/task-bootstrap';
import { cellGroups, taskIndex } from './cells';
import type { Budget } from '../budget';

/** One scored episode. */
export interface ScoredEpisode {
  id: string;
  policy: string;
  task: string;
  family: string;
  budget: number | null;
  segments: SegmentSums;
}

/** A row of `surprisal.csv`: one segment of one group (mean and interval in nats per token; null when the segment has no token). */
export interface SurprisalRow {
  scorer: string;
  policy: string;
  family: string;
  budget: Budget;
  segment: SurprisalSegment;
  tokens: number;
  episodes: number;
  mean_nats: number | null;
  perplexity: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

/** A row of `surprisal_diff.csv`: the paired difference reasoning − query of one group, in nats per token. */
export interface SurprisalDiffRow {
  scorer: string;
  policy: string;
  family: string;
  budget: Budget;
  segment_a: SurprisalSegment;
  segment_b: SurprisalSegment;
  episodes: number;
  tasks: number;
  difference: number | null;
  ci_low: number | null;
  ci_high: number | null;
  /** exp(difference): how many times more perplexing segment a is than segment b. */
  perplexity_ratio: number | null;
}

/** Bootstrap settings. */
export interface SurprisalOptions {
  scorer: string;
  resamples: number;
  level: number;
  seed: number;
}

const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** The rows of both tables, policy by policy, group by group. */
export function surprisalTables(episodes: readonly ScoredEpisode[], options: SurprisalOptions): { rows: SurprisalRow[]; diffs: SurprisalDiffRow[] } {
  const rows: SurprisalRow[] = [];
  const diffs: SurprisalDiffRow[] = [];
  const policies = [...new Set(episodes.map((e) => e.policy))].sort();
  for (const policy of policies) {
    for (const group of cellGroups(episodes.filter((e) => e.policy === policy))) {
      const { tasks, of } = taskIndex(group.items);
      // Per task and segment: summed nats and tokens (the bootstrap's sufficient statistics).
      const nats = SURPRISAL_SEGMENTS.map(() => new Float64Array(tasks.length));
      const tokens = SURPRISAL_SEGMENTS.map(() => new Float64Array(tasks.length));
      group.items.forEach((episode, i) => {
        const task = of[i]!;
        SURPRISAL_SEGMENTS.forEach((segment, s) => {
          nats[s]![task] = nats[s]![task]! + episode.segments[segment].nats;
          tokens[s]![task] = tokens[s]![task]! + episode.segments[segment].tokens;
        });
      });
      const means = (weights: Float64Array | null): number[] => {
        const out = SURPRISAL_SEGMENTS.map((_, s) => weightedRatio(nats[s]!, tokens[s]!, weights));
        return [...out, out[SURPRISAL_SEGMENTS.indexOf('reasoning')]! - out[SURPRISAL_SEGMENTS.indexOf('query')]!];
      };
      const point = means(null);
      const interval =
        options.resamples > 0
          ? bootstrapIntervals(drawTaskResamples(tasks.length, options.resamples, createRng(options.seed).fork(`${policy}|${group.family}|${group.budget}`)), means, options.level)
          : null;
      const key = { scorer: options.scorer, policy, family: group.family, budget: group.budget };
      SURPRISAL_SEGMENTS.forEach((segment, s) => {
        const mean = finite(point[s]!);
        rows.push({
          ...key,
          segment,
          tokens: tokens[s]!.reduce((sum, x) => sum + x, 0),
          episodes: group.items.length,
          mean_nats: mean,
          perplexity: mean === null ? null : Math.exp(mean),
          ci_low: mean === null || !interval ? null : finite(interval.lo[s]!),
          ci_high: mean === null || !interval ? null : finite(interval.hi[s]!),
        });
      });
      const d = SURPRISAL_SEGMENTS.length;
      const difference = finite(point[d]!);
      diffs.push({
        ...key,
        segment_a: 'reasoning',
        segment_b: 'query',
        episodes: group.items.length,
        tasks: tasks.length,
        difference,
        ci_low: difference === null || !interval ? null : finite(interval.lo[d]!),
        ci_high: difference === null || !interval ? null : finite(interval.hi[d]!),
        perplexity_ratio: difference === null ? null : Math.exp(difference),
      });
    }
  }
  return { rows, diffs };
}
