/**
 * Boundary sets, McNemar tests and verdicts for every family, budget and policy pair of an outcome
 * table.
 */
import type { Rng } from '../random/rng';
import { bootstrapReplicates, curveIntervals } from './bootstrap';
import { boundarySets, type BoundarySets, type TaskCounts } from './boundary';
import { compareBudgets, type Budget } from '../budget';
import { ClassedMean, PairedDifference, type Member } from './classed-mean';
import { EstimateTable } from './estimate-table';
import { exactMcNemarP } from './mcnemar';
import { type Outcome } from './outcomes';
import type { PolicyPair } from './pairs';
import { decideVerdict, type Verdict, type VerdictEvidence } from './verdict';
import { compareText } from '../stats/compare-text';

/** The boundary of one pair at one budget and k. */
export interface PairBoundary extends BoundarySets {
  family: string;
  budget: Budget;
  a: string;
  b: string;
  pValue: number;
  /** True for the k = n row (the capability boundary proper). */
  atN: boolean;
}

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

/** Per family, per budget, per policy: task -> counts. */
type CountIndex = Map<string, Map<string, Map<string, Map<string, TaskCounts>>>>;

function indexCounts(outcomes: readonly Outcome[]): CountIndex {
  const index: CountIndex = new Map();
  for (const outcome of outcomes) {
    let byBudget = index.get(outcome.family);
    if (!byBudget) index.set(outcome.family, (byBudget = new Map()));
    let byPolicy = byBudget.get(String(outcome.budget));
    if (!byPolicy) byBudget.set(String(outcome.budget), (byPolicy = new Map()));
    let byTask = byPolicy.get(outcome.policy);
    if (!byTask) byPolicy.set(outcome.policy, (byTask = new Map()));
    byTask.set(outcome.task, { n: outcome.n, c: outcome.c });
  }
  return index;
}

/**
 * Boundary rows for every family, budget and pair: k = n first (each task at its own n), then each
 * extra k below the k = n row's k (the smallest n), so the k = n row always has the largest k of its
 * (family, budget, pair) — consumers such as the report pick it that way.
 */
export function pairBoundaries(outcomes: readonly Outcome[], pairs: readonly PolicyPair[], extraK: readonly number[] = []): PairBoundary[] {
  const rows: PairBoundary[] = [];
  const index = indexCounts(outcomes);
  const ks = [...new Set(extraK)].sort((x, y) => x - y);
  for (const family of [...index.keys()].sort(compareText)) {
    const byBudget = index.get(family) as Map<string, Map<string, Map<string, TaskCounts>>>;
    const budgets = [...byBudget.keys()].map((key) => (key === 'all' ? 'all' : Number(key)) as Budget).sort(compareBudgets);
    for (const pair of pairs) {
      for (const budget of budgets) {
        const byPolicy = byBudget.get(String(budget)) as Map<string, Map<string, TaskCounts>>;
        const a = byPolicy.get(pair.a);
        const b = byPolicy.get(pair.b);
        if (!a || !b) continue;
        const atN = boundarySets(a, b, 'n');
        if (!atN) continue;
        rows.push({ family, budget, a: pair.a, b: pair.b, ...atN, pValue: exactMcNemarP(atN.onlyA.length, atN.onlyB.length), atN: true });
        for (const k of ks) {
          if (k >= atN.k) continue;
          const sets = boundarySets(a, b, k);
          if (sets) rows.push({ family, budget, a: pair.a, b: pair.b, ...sets, pValue: exactMcNemarP(sets.onlyA.length, sets.onlyB.length), atN: false });
        }
      }
    }
  }
  return rows;
}

const passTable = new EstimateTable('pass');

/**
 * A verdict per k = n boundary row: the pass@1 difference on the tasks both policies solve is
 * bootstrapped over those tasks (one shared resample stream per family), then the rules decide.
 */
export function pairVerdicts(outcomes: readonly Outcome[], boundaries: readonly PairBoundary[], options: { resamples: number; level: number; alpha: number; minSharedTasks: number; rng: Rng }): PairVerdict[] {
  const index = indexCounts(outcomes);
  const rows: PairVerdict[] = [];
  const families = [...new Set(boundaries.map((row) => row.family))].sort(compareText);
  for (const family of families) {
    const atN = boundaries.filter((row) => row.family === family && row.atN);
    const universe = [...new Set(atN.flatMap((row) => row.both))].sort(compareText);
    const position = new Map(universe.map((task, i) => [task, i]));
    const byBudget = index.get(family) as Map<string, Map<string, Map<string, TaskCounts>>>;
    const statistics = atN.map((row) => {
      const byPolicy = byBudget.get(String(row.budget)) as Map<string, Map<string, TaskCounts>>;
      const side = (policy: string): ClassedMean => {
        const counts = byPolicy.get(policy) as Map<string, TaskCounts>;
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
      const evidence: VerdictEvidence = { onlyA: row.onlyA.length, onlyB: row.onlyB.length, pValue: row.pValue, sharedTasks: row.both.length, sharedPass1Diff: diff, sharedPass1Low: low, sharedPass1High: high };
      rows.push({ family, budget: row.budget, a: row.a, b: row.b, k: row.k, both: row.both.length, neither: row.neither.length, ...evidence, verdict: decideVerdict(evidence, options.alpha, options.minSharedTasks) });
    });
  }
  return rows;
}
