/**
 * PASS@(k,T) and pass^k curves with bootstrap intervals, paired differences between policies and
 * marginal values (Δ_k, Δ_T), for every family, budget and k = 1..n — one shared resample stream per
 * family.
 */
import type { Rng } from '../random/rng';
import { compareBudgets, type Budget, type BudgetMode } from '../budget';
import { bootstrapReplicates, curveIntervals } from './bootstrap';
import { ClassedMean, PairedDifference, type Member, type Statistic } from './classed-mean';
import { EstimateTable } from './estimate-table';
import { marginalRowsOf, planMarginals, type MarginalValue } from './marginal';
import { compareOutcomes, type Outcome } from './outcomes';
import type { PolicyPair } from './pairs';
import { compareText } from '../stats/compare-text';
import { edgeAware, edgeAwareDifference } from './edge-intervals';

/** Identifies one curve: a policy's tasks of one family at one budget, in one mode. */
export interface CurveKey {
  policy: string;
  family: string;
  budget: Budget;
  mode: BudgetMode;
}

/**
 * A curve over k = 1..kMax (index k - 1) with its intervals: percentile intervals, or Clopper–Pearson
 * over the tasks where the estimate is at 0 or 1 (`analyses/stats/proportion-interval`).
 */
export interface Curve extends CurveKey {
  kMax: number;
  /** Tasks with at least k episodes. */
  tasks: Int32Array;
  pass: Float64Array;
  passLow: Float64Array;
  passHigh: Float64Array;
  /** pass^k (all k correct). */
  passhat: Float64Array;
  passhatLow: Float64Array;
  passhatHigh: Float64Array;
  /** pass@k replicates (resamples × kMax), for intervals of quantities derived from the curve. */
  replicates: Float64Array;
}

/** The paired difference PASS_a − PASS_b over the tasks both policies have, per k. */
export interface DiffCurve {
  family: string;
  budget: Budget;
  a: string;
  b: string;
  kMax: number;
  /** Paired tasks with at least k episodes under both policies. */
  tasks: Int32Array;
  diff: Float64Array;
  low: Float64Array;
  high: Float64Array;
  /** PASS of a and of b over the same paired tasks (diff = passA − passB). */
  passA: Float64Array;
  passB: Float64Array;
  /** Replicates of the difference (resamples × kMax), for intervals of quantities derived from it (crossover k). */
  replicates: Float64Array;
}

/** Every curve, difference and marginal value of a data set. */
export interface PassAnalysis {
  curves: Curve[];
  diffs: DiffCurve[];
  /** Every Δ_k row (family by family), then every Δ_T row, each paired per task. */
  marginal: MarginalValue[];
  /** Replicates (resamples × kMax) of every Δ_T step, by `stepKey` (for the interval of T*). */
  stepReplicates: Map<string, { kMax: number; replicates: Float64Array }>;
  resamples: number;
  level: number;
}

/** The key of one Δ_T step of a (policy, family, mode) series: from budget `budgetFrom` to the next. */
export function stepKey(policy: string, family: string, mode: BudgetMode, budgetFrom: number): string {
  return `${family}\u0000${policy}\u0000${mode}\u0000${budgetFrom}`;
}

/** Bootstrap settings. */
export interface PassOptions {
  /** Number of resamples (0: point estimates only, intervals NaN). */
  resamples: number;
  /** Central coverage of the percentile intervals, e.g. 0.95. */
  level: number;
  /** Seeded source; each family uses its own fork, so adding a family changes no other family's numbers. */
  rng: Rng;
}

const passTable = new EstimateTable('pass');
const passhatTable = new EstimateTable('passhat');

/** Computes every curve and paired difference of the outcome table. */
export function analysePass(outcomes: readonly Outcome[], pairs: readonly PolicyPair[], options: PassOptions): PassAnalysis {
  const byFamily = new Map<string, Outcome[]>();
  // Task order decides the order of the bootstrap's class sums (floating point): sorted, the bytes
  // do not depend on the order the rows arrived in (one run, or shards merged).
  for (const outcome of [...outcomes].sort(compareOutcomes)) {
    const list = byFamily.get(outcome.family);
    if (list) list.push(outcome);
    else byFamily.set(outcome.family, [outcome]);
  }
  const analysis: PassAnalysis = { curves: [], diffs: [], marginal: [], stepReplicates: new Map(), resamples: options.resamples, level: options.level };
  const marginal: MarginalValue[] = [];
  for (const family of [...byFamily.keys()].sort(compareText)) {
    const result = analyseFamily(family, byFamily.get(family) as Outcome[], pairs, options);
    analysis.curves.push(...result.curves);
    analysis.diffs.push(...result.diffs);
    marginal.push(...result.marginal);
    for (const [key, value] of result.stepReplicates) analysis.stepReplicates.set(key, value);
  }
  analysis.marginal = [...marginal.filter((row) => row.kind === 'k'), ...marginal.filter((row) => row.kind === 'T')];
  return analysis;
}

function analyseFamily(
  family: string,
  outcomes: readonly Outcome[],
  pairs: readonly PolicyPair[],
  options: PassOptions,
): { curves: Curve[]; diffs: DiffCurve[]; marginal: MarginalValue[]; stepReplicates: PassAnalysis['stepReplicates'] } {
  const universe = [...new Set(outcomes.map((outcome) => outcome.task))].sort(compareText);
  const indexOf = new Map(universe.map((task, index) => [task, index]));
  const index = (task: string): number => indexOf.get(task) as number;

  const groups = new Map<string, { key: CurveKey; members: Member[] }>();
  const byPolicyBudget = new Map<string, Map<string, Outcome>>();
  for (const outcome of outcomes) {
    const groupKey = `${outcome.policy}\u0000${outcome.budget}\u0000${outcome.mode}`;
    let group = groups.get(groupKey);
    if (!group) groups.set(groupKey, (group = { key: { policy: outcome.policy, family, budget: outcome.budget, mode: outcome.mode }, members: [] }));
    group.members.push({ index: index(outcome.task), eligibleN: outcome.n, rows: [passTable.row(outcome.n, outcome.c), passhatTable.row(outcome.n, outcome.c)] });
    const pbKey = `${outcome.policy}\u0000${outcome.budget}`;
    let tasks = byPolicyBudget.get(pbKey);
    if (!tasks) byPolicyBudget.set(pbKey, (tasks = new Map()));
    tasks.set(outcome.task, outcome);
  }
  const curveGroups = [...groups.values()].sort((x, y) => compareText(x.key.policy, y.key.policy) || compareBudgets(x.key.budget, y.key.budget) || compareText(x.key.mode, y.key.mode));
  const curveStatistics = curveGroups.map((group) => new ClassedMean(group.members, 2));

  const budgets = [...new Set(outcomes.map((outcome) => outcome.budget))].sort(compareBudgets);
  const diffKeys: { a: string; b: string; budget: Budget }[] = [];
  const diffStatistics: PairedDifference[] = [];
  for (const pair of pairs) {
    for (const budget of budgets) {
      const left = byPolicyBudget.get(`${pair.a}\u0000${budget}`);
      const right = byPolicyBudget.get(`${pair.b}\u0000${budget}`);
      if (!left || !right) continue;
      const membersA: Member[] = [];
      const membersB: Member[] = [];
      for (const [task, a] of left) {
        const b = right.get(task);
        if (!b) continue;
        const eligibleN = Math.min(a.n, b.n);
        membersA.push({ index: index(task), eligibleN, rows: [passTable.row(a.n, a.c)] });
        membersB.push({ index: index(task), eligibleN, rows: [passTable.row(b.n, b.c)] });
      }
      if (membersA.length === 0) continue;
      diffKeys.push({ a: pair.a, b: pair.b, budget });
      diffStatistics.push(new PairedDifference(new ClassedMean(membersA, 1), new ClassedMean(membersB, 1)));
    }
  }

  const marginalPlans = planMarginals(curveGroups);

  // Statistics only read the weights, so adding the marginal ones draws the same resamples as before.
  const statistics: Statistic[] = [...curveStatistics, ...diffStatistics, ...marginalPlans.map((plan) => plan.statistic)];
  const replicates = bootstrapReplicates(universe.length, statistics, options.resamples, options.rng.fork(`family:${family}`));

  const curves = curveGroups.map((group, s): Curve => {
    const statistic = curveStatistics[s] as ClassedMean;
    const [pass, passhat] = statistic.pointEstimate() as [Float64Array, Float64Array];
    const [passReplicates, passhatReplicates] = replicates[s] as [Float64Array, Float64Array];
    const passInterval = edgeAware(pass, curveIntervals(passReplicates, statistic.kMax, options.level), statistic.tasks, options.level);
    const passhatInterval = edgeAware(passhat, curveIntervals(passhatReplicates, statistic.kMax, options.level), statistic.tasks, options.level);
    return {
      ...group.key,
      kMax: statistic.kMax,
      tasks: statistic.tasks,
      pass,
      passLow: passInterval.low,
      passHigh: passInterval.high,
      passhat,
      passhatLow: passhatInterval.low,
      passhatHigh: passhatInterval.high,
      replicates: passReplicates,
    };
  });
  const diffs = diffKeys.map((key, d): DiffCurve => {
    const statistic = diffStatistics[d] as PairedDifference;
    const diffReplicates = (replicates[curveStatistics.length + d] as Float64Array[])[0] as Float64Array;
    const [passA, passB] = statistic.sides();
    const diff = statistic.pointEstimate();
    const interval = edgeAwareDifference(diff, curveIntervals(diffReplicates, statistic.kMax, options.level), statistic.tasks, options.level);
    return { family, ...key, kMax: statistic.kMax, tasks: statistic.tasks, diff, low: interval.low, high: interval.high, passA, passB, replicates: diffReplicates };
  });
  const firstPlan = curveStatistics.length + diffStatistics.length;
  const marginalReplicates = marginalPlans.map((_, p) => (replicates[firstPlan + p] as Float64Array[])[0] as Float64Array);
  const stepReplicates: PassAnalysis['stepReplicates'] = new Map();
  marginalPlans.forEach((plan, p) => {
    if (plan.kind === 'T') stepReplicates.set(stepKey(plan.policy, family, plan.mode, plan.budgetFrom as number), { kMax: plan.statistic.kMax, replicates: marginalReplicates[p] as Float64Array });
  });
  return { curves, diffs, marginal: marginalRowsOf(marginalPlans, marginalReplicates, options.level), stepReplicates };
}

