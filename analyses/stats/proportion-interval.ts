/**
 * The interval of a mean over tasks of per-task values in [0, 1] (a PASS@(k,T) point): the bootstrap
 * percentile interval, unless it cannot move because the estimate sits at 0 or 1. A percentile
 * bootstrap of 100 tasks that all succeed gives [1, 1] — every resample is 1 — which claims certainty
 * that 100 tasks cannot give. There the exact Clopper–Pearson interval over the tasks is used instead:
 * x = round(m · estimate) of m tasks, e.g. [0.025^(1/100), 1] = [0.964, 1] for 100 of 100. It is valid
 * for a mean of [0, 1] values too: the mean is at least the share of tasks at exactly 1 (and at most
 * one minus the share at exactly 0), and all m draws are at 1 (at 0) only when that share is high (low).
 */
import { clopperPearson } from './clopper-pearson';

/** Estimates within this distance of 0 or 1 count as at the edge. */
export const EDGE_TOLERANCE = 1e-12;

/** Which rule gave an interval. */
export type IntervalMethod = 'percentile' | 'clopper-pearson';

/** True when a percentile interval cannot be trusted: the estimate is at 0 or 1, or the interval collapsed there. */
export function atEdge(estimate: number, lo: number, hi: number): boolean {
  const near = (value: number, edge: number) => Math.abs(value - edge) <= EDGE_TOLERANCE;
  if (near(estimate, 0) || near(estimate, 1)) return true;
  return (near(lo, 0) && near(hi, 0)) || (near(lo, 1) && near(hi, 1));
}

/**
 * The interval of a proportion-like mean over `tasks` tasks: the percentile interval (lo, hi), or the
 * Clopper–Pearson interval at `level` when `atEdge` says the percentile interval is degenerate.
 * Undefined inputs (NaN estimate, no tasks) pass through unchanged.
 */
export function proportionInterval(estimate: number, lo: number, hi: number, tasks: number, level: number): { lo: number; hi: number; method: IntervalMethod } {
  if (!Number.isFinite(estimate) || tasks < 1 || !atEdge(estimate, lo, hi)) return { lo, hi, method: 'percentile' };
  const successes = Math.min(tasks, Math.max(0, Math.round(estimate * tasks)));
  return { ...clopperPearson(successes, tasks, level), method: 'clopper-pearson' };
}

/**
 * The interval of a paired difference a − b of two such means over the same `tasks` tasks. When the
 * difference is 0 and so is its percentile interval — every resample gives 0, e.g. both curves at 1 on
 * every task — the tasks show no task on which the policies differ; a per-task difference lies in
 * [−1, 1] and is 0 unless the task is discordant, so |a − b| is at most the share of discordant tasks,
 * whose Clopper–Pearson upper bound for 0 of m is 1 − ((1 − level)/2)^(1/m): the interval is
 * ±(1 − ((1 − level)/2)^(1/m)) (±0.036 for 100 tasks) instead of [0, 0]. Otherwise the percentile
 * interval (lo, hi).
 */
export function differenceInterval(diff: number, lo: number, hi: number, tasks: number, level: number): { lo: number; hi: number; method: IntervalMethod } {
  const zero = (value: number) => Math.abs(value) <= EDGE_TOLERANCE;
  if (!(zero(diff) && zero(lo) && zero(hi)) || tasks < 1) return { lo, hi, method: 'percentile' };
  const width = 1 - clopperPearson(tasks, tasks, level).lo;
  return { lo: -width, hi: width, method: 'clopper-pearson' };
}
