/**
 * Per-task outcome tables: for each (policy, task, budget) the number of episodes n and of
 * successes c. They are the sufficient statistics of every PASS@(k,T) number, so episodes are
 * reduced to them while streaming and never kept.
 */
import type { Budget, BudgetMode } from '../budget';
import { DEFAULT_BUDGET_GRID, normalizeGrid } from '../budget';
import { compareText } from '../stats/compare-text';

/** n episodes and c successes of one policy on one task at one budget. */
export interface Outcome {
  policy: string;
  task: string;
  family: string;
  budget: Budget;
  mode: BudgetMode;
  n: number;
  c: number;
}

/** The fields of an episode row the outcome table needs. */
export interface EpisodeOutcome {
  policy: string;
  task: string;
  family: string;
  budget: number | null;
  /** Rounds used; null when unknown (an outcome-only or cut trace). */
  rounds: number | null;
  correct: boolean;
}

interface PairRecord {
  policy: string;
  task: string;
  family: string;
  /** Capped episodes: budget -> [n, c]. */
  capped: Map<number, [number, number]>;
  uncapped: number;
  uncappedCorrect: number;
  /** Correct uncapped episodes by rounds used (success at T iff rounds <= T); those of unknown length are not here. */
  correctRounds: Map<number, number>;
}

/**
 * The additive sufficient statistics of one (policy, task): what a shard contributes. Summing them
 * over shards and expanding the sum gives exactly the outcomes of one run over every episode.
 */
export interface PairStats {
  policy: string;
  task: string;
  family: string;
  /** Capped episodes as [budget, n, c], budgets ascending. */
  capped: [number, number, number][];
  /** Uncapped episodes and how many of them are correct. */
  uncapped: number;
  uncappedCorrect: number;
  /**
   * Correct uncapped episodes as [rounds, episodes], rounds ascending (rebuilds c at every threshold T).
   * Correct episodes whose rounds are unknown count in `uncappedCorrect` only, so the sum may be smaller.
   */
  correctRounds: [number, number][];
}

/** What the table says about how it was built (printed in the stage summary). */
export interface OutcomeReport {
  grid: number[];
  /** Where the grid came from: the `budgets` parameter, the capped episodes, or the study default. */
  gridSource: 'parameter' | 'capped episodes' | 'default';
  pairsCapped: number;
  pairsThresholded: number;
  /** (policy, task) pairs holding both capped and uncapped episodes. */
  pairsMixed: number;
  episodes: number;
  /** Capped episodes whose budget is not in the grid (used nowhere)… */
  episodesOutsideGrid: number;
  /** The same, per policy. */
  outsideGridByPolicy: Record<string, number>;
  /** Uncapped episodes of mixed pairs (used only in `all` rows). */
  uncappedOfMixedPairs: number;
  /**
   * Correct uncapped episodes of thresholded pairs whose rounds are unknown (no or a cut trace): successes
   * in `all` rows, failures at every threshold T, since nothing shows they stayed within T.
   */
  correctRoundsUnknown: number;
}

/**
 * Collects episodes one at a time into per-(policy, task) counts, then expands them over the budget
 * grid. Mode is decided per (policy, task): any capped episode makes the pair `capped` (episodes used
 * at their own T, the faithful measurement); a pair with only uncapped episodes is `thresholded`.
 * Uncapped episodes always also give `all` rows.
 */
export class OutcomeCollector {
  private readonly pairs = new Map<string, PairRecord>();
  private readonly cappedBudgets = new Set<number>();
  private episodes = 0;

  /** Adds one episode. */
  add(episode: EpisodeOutcome): void {
    this.episodes += 1;
    const pair = this.pair(episode.policy, episode.task, episode.family);
    if (episode.budget === null) {
      pair.uncapped += 1;
      if (episode.correct) {
        pair.uncappedCorrect += 1;
        if (episode.rounds !== null) pair.correctRounds.set(episode.rounds, (pair.correctRounds.get(episode.rounds) ?? 0) + 1);
      }
      return;
    }
    this.addCapped(pair, episode.budget, 1, episode.correct ? 1 : 0);
  }

  /** Adds the statistics of one (policy, task) collected elsewhere (a shard): exactly as if its episodes were added. */
  addStats(stats: PairStats): void {
    const pair = this.pair(stats.policy, stats.task, stats.family);
    for (const [budget, n, c] of stats.capped) {
      this.episodes += n;
      this.addCapped(pair, budget, n, c);
    }
    this.episodes += stats.uncapped;
    pair.uncapped += stats.uncapped;
    pair.uncappedCorrect += stats.uncappedCorrect;
    for (const [rounds, episodes] of stats.correctRounds) pair.correctRounds.set(rounds, (pair.correctRounds.get(rounds) ?? 0) + episodes);
  }

  /** The statistics of every (policy, task), in (policy, family, task) order: what {@link addStats} takes back. */
  pairStats(): PairStats[] {
    return [...this.pairs.values()]
      .map((pair) => ({
        policy: pair.policy,
        task: pair.task,
        family: pair.family,
        capped: [...pair.capped].map(([budget, [n, c]]): [number, number, number] => [budget, n, c]).sort((a, b) => a[0] - b[0]),
        uncapped: pair.uncapped,
        uncappedCorrect: pair.uncappedCorrect,
        correctRounds: [...pair.correctRounds].sort((a, b) => a[0] - b[0]),
      }))
      .sort((a, b) => compareText(a.policy, b.policy) || compareText(a.family, b.family) || compareText(a.task, b.task));
  }

  private pair(policy: string, task: string, family: string): PairRecord {
    const key = `${policy}\u0000${task}`;
    let pair = this.pairs.get(key);
    if (!pair) {
      pair = { policy, task, family, capped: new Map(), uncapped: 0, uncappedCorrect: 0, correctRounds: new Map() };
      this.pairs.set(key, pair);
    } else if (pair.family !== family) {
      // A task belongs to one family; two would make its outcome rows depend on which came first.
      throw new RangeError(`task "${task}" of policy "${policy}" is in family "${pair.family}" and "${family}"`);
    }
    return pair;
  }

  private addCapped(pair: PairRecord, budget: number, n: number, c: number): void {
    this.cappedBudgets.add(budget);
    const counts = pair.capped.get(budget);
    if (counts) {
      counts[0] += n;
      counts[1] += c;
    } else {
      pair.capped.set(budget, [n, c]);
    }
  }

  /** Expands the counts over the budget grid (the given one, else the capped budgets, else the default). */
  finish(budgets?: readonly number[] | null): { outcomes: Outcome[]; report: OutcomeReport } {
    const gridSource = budgets && budgets.length > 0 ? 'parameter' : this.cappedBudgets.size > 0 ? 'capped episodes' : 'default';
    const grid = normalizeGrid(gridSource === 'parameter' ? budgets ?? [] : gridSource === 'capped episodes' ? this.cappedBudgets : DEFAULT_BUDGET_GRID);
    const inGrid = new Set(grid);
    const report: OutcomeReport = { grid, gridSource, pairsCapped: 0, pairsThresholded: 0, pairsMixed: 0, episodes: this.episodes, episodesOutsideGrid: 0, outsideGridByPolicy: {}, uncappedOfMixedPairs: 0, correctRoundsUnknown: 0 };
    const outcomes: Outcome[] = [];
    // Map order is arrival order; every count below is a sum and the rows are sorted at the end, so the
    // result does not depend on the order episodes (or shards) arrived in.
    for (const pair of this.pairs.values()) {
      const base = { policy: pair.policy, task: pair.task, family: pair.family };
      if (pair.capped.size > 0) {
        report.pairsCapped += 1;
        if (pair.uncapped > 0) {
          report.pairsMixed += 1;
          report.uncappedOfMixedPairs += pair.uncapped;
        }
        for (const [budget, [n, c]] of pair.capped) {
          if (inGrid.has(budget)) outcomes.push({ ...base, budget, mode: 'capped', n, c });
          else {
            report.episodesOutsideGrid += n;
            report.outsideGridByPolicy[pair.policy] = (report.outsideGridByPolicy[pair.policy] ?? 0) + n;
          }
        }
      } else {
        report.pairsThresholded += 1;
        const rounds = [...pair.correctRounds].sort((a, b) => a[0] - b[0]);
        report.correctRoundsUnknown += pair.uncappedCorrect - rounds.reduce((sum, [, n]) => sum + n, 0);
        let next = 0;
        let within = 0;
        for (const budget of grid) {
          while (next < rounds.length && (rounds[next] as [number, number])[0] <= budget) within += (rounds[next++] as [number, number])[1];
          outcomes.push({ ...base, budget, mode: 'thresholded', n: pair.uncapped, c: within });
        }
      }
      if (pair.uncapped > 0) outcomes.push({ ...base, budget: 'all', mode: 'thresholded', n: pair.uncapped, c: pair.uncappedCorrect });
    }
    outcomes.sort(compareOutcomes);
    return { outcomes, report };
  }
}

/** Orders outcomes by policy, family, task, budget (a stable, byte-reproducible order). */
export function compareOutcomes(a: Outcome, b: Outcome): number {
  return compareText(a.policy, b.policy) || compareText(a.family, b.family) || compareText(a.task, b.task) || budgetOrder(a.budget) - budgetOrder(b.budget);
}

function budgetOrder(budget: Budget): number {
  return budget === 'all' ? Number.MAX_SAFE_INTEGER : budget;
}
