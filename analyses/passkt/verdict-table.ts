/**
 * A verdict per k = n boundary row: the pass@1 difference on the tasks both policies solve, with its
 * bootstrap interval (one shared resample stream per family) and its sign-flip test, then the rules of
 * verdict.ts at `alpha`. Two families of tests, each Holm-adjusted: the boundary claim reads the row's
 * `p_holm` of boundary.csv (Holm over every boundary test of the run), so a verdict and the table it
 * cites never disagree; the reliability claim reads Holm over every shared-task test. Each family's
 * error rate is at most alpha, so a run's verdicts make a false claim with probability at most 2·alpha.
 */
import type { Rng } from '../random/rng';
import type { Budget } from '../budget';
import { bootstrapReplicates, curveIntervals } from './bootstrap';
import type { TaskCounts } from './boundary';
import { indexCounts, type PairBoundary } from './boundary-table';
import { ClassedMean, PairedDifference, type Member } from './classed-mean';
import { EstimateTable } from './estimate-table';
import type { Outcome } from './outcomes';
import { decideVerdict, type Verdict, type VerdictEvidence } from './verdict';
import { compareText } from '../stats/compare-text';
import { holmAdjust } from '../stats/holm';
import { signFlipTest } from '../stats/sign-flip-test';

/** A verdict row: the k = n boundary and the shared-task pass@1 difference. */
export interface PairVerdict extends VerdictEvidence {
  family: string;
  budget: Budget;
  a: string;
  b: string;
  k: number;
  both: number;
  neither: number;
  verdict: Verdict;
}

/** How verdicts are decided. */
export interface VerdictOptions {
  /** Bootstrap resamples of the shared-task pass@1 interval (shown, not tested). */
  resamples: number;
  level: number;
  /** Family-wise significance level of each family of claims (boundary, reliability). */
  alpha: number;
  /** A shared-task test needs at least this many shared tasks. */
  minSharedTasks: number;
  /** Random sign patterns of a sign-flip test with more than 16 differing tasks. */
  permutations: number;
  rng: Rng;
}

/** The verdicts and the families of tests behind them. */
export interface VerdictTable {
  rows: PairVerdict[];
  /** Tests of the shared-task (reliability) family: one per row with enough shared tasks. */
  sharedTests: number;
}

const passTable = new EstimateTable('pass');

/** Verdicts for the k = n rows of `boundaries`. */
export function pairVerdicts(outcomes: readonly Outcome[], boundaries: readonly PairBoundary[], options: VerdictOptions): VerdictTable {
  const index = indexCounts(outcomes);
  const rows: PairVerdict[] = [];
  const families = [...new Set(boundaries.map((row) => row.family))].sort(compareText);
  for (const family of families) {
    const atN = boundaries.filter((row) => row.family === family && row.atN);
    const universe = [...new Set(atN.flatMap((row) => row.both))].sort(compareText);
    const position = new Map(universe.map((task, i) => [task, i]));
    const byBudget = index.get(family) as Map<string, Map<string, Map<string, TaskCounts>>>;
    const countsOf = (row: PairBoundary, policy: string) => (byBudget.get(String(row.budget)) as Map<string, Map<string, TaskCounts>>).get(policy) as Map<string, TaskCounts>;
    const statistics = atN.map((row) => {
      const side = (policy: string): ClassedMean => {
        const counts = countsOf(row, policy);
        const members: Member[] = row.both.map((task) => {
          const { n, c } = counts.get(task) as TaskCounts;
          return { index: position.get(task) as number, eligibleN: 1, rows: [passTable.row(n, c)] };
        });
        return new ClassedMean(members, 1);
      };
      return row.both.length > 0 ? new PairedDifference(side(row.a), side(row.b)) : null;
    });
    const present = statistics.filter((statistic): statistic is PairedDifference => statistic !== null);
    const replicates = bootstrapReplicates(universe.length, present, options.resamples, options.rng.fork(`family:${family}`));
    let next = 0;
    atN.forEach((row, i) => {
      const statistic = statistics[i];
      let diff = NaN;
      let low = NaN;
      let high = NaN;
      if (statistic) {
        diff = statistic.pointEstimate()[0] as number;
        const interval = curveIntervals((replicates[next++] as Float64Array[])[0] as Float64Array, 1, options.level);
        low = interval.low[0] as number;
        high = interval.high[0] as number;
      }
      let sharedPValue = NaN;
      if (row.both.length >= Math.max(1, options.minSharedTasks)) {
        const a = countsOf(row, row.a);
        const b = countsOf(row, row.b);
        const differences = row.both.map((task) => {
          const left = a.get(task) as TaskCounts;
          const right = b.get(task) as TaskCounts;
          return left.c / left.n - right.c / right.n;
        });
        sharedPValue = signFlipTest(differences, options.permutations, options.rng.fork(`sign-flip:${JSON.stringify([family, row.budget, row.a, row.b])}`)).p;
      }
      const evidence: VerdictEvidence = {
        onlyA: row.onlyA.length,
        onlyB: row.onlyB.length,
        pValue: row.pValue,
        pAdjusted: row.pHolm,
        sharedTasks: row.both.length,
        sharedPass1Diff: diff,
        sharedPass1Low: low,
        sharedPass1High: high,
        sharedPValue,
        sharedPAdjusted: NaN,
      };
      rows.push({ family, budget: row.budget, a: row.a, b: row.b, k: row.k, both: row.both.length, neither: row.neither.length, ...evidence, verdict: 'no difference' });
    });
  }
  // The reliability family: every shared-task test that was made (rows without one stay NaN).
  const adjusted = holmAdjust(rows.map((row) => row.sharedPValue));
  rows.forEach((row, i) => {
    row.sharedPAdjusted = adjusted[i] as number;
    row.verdict = decideVerdict(row, options.alpha);
  });
  return { rows, sharedTests: rows.filter((row) => Number.isFinite(row.sharedPValue)).length };
}
