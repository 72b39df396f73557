/**
 * `compare_frequencies.csv`: per strategy, how often each policy uses it and how well it does with it,
 * with task-clustered intervals, plus the table-level homogeneity test and effect sizes.
 */
import { accuracies, shares, totalEpisodes } from './category-totals';
import type { ComparisonBootstrap, ComparisonKey } from './comparison-key';
import { homogeneityTest } from './homogeneity';
import { jensenShannon } from './jensen-shannon';
import { type PairTable, pairTotals } from './pair-table';
import { raoScott } from './rao-scott';
import { supportStatus } from './support';
import { bootstrapIntervals } from '../stats/task-bootstrap';

/** One row of `compare_frequencies.csv`: a strategy's share and success rate in policies a and b (NaN: undefined). */
export interface FrequencyRow extends ComparisonKey {
  scheme: string;
  strategy: string;
  /** `gained`: only a (the compared policy) uses it; `lost`: only b (the reference) does. */
  support: 'both' | 'gained' | 'lost' | 'neither';
  count_a: number;
  count_b: number;
  /** Never undefined: a comparison needs episodes of both policies. */
  share_a: number;
  share_a_lo: number | null;
  share_a_hi: number | null;
  share_b: number;
  share_b_lo: number | null;
  share_b_hi: number | null;
  share_diff: number | null;
  share_diff_lo: number | null;
  share_diff_hi: number | null;
  acc_a: number | null;
  acc_a_lo: number | null;
  acc_a_hi: number | null;
  acc_b: number | null;
  acc_b_lo: number | null;
  acc_b_hi: number | null;
  tasks: number;
  episodes_a: number;
  episodes_b: number;
  /** The table-level homogeneity test and effect sizes, repeated on each of its rows. */
  chi2: number | null;
  g: number | null;
  df: number;
  /** Rao–Scott mean design effect of the task-clustered table. */
  design_effect: number | null;
  /** chi2 / design_effect. */
  chi2_rs: number | null;
  /** The reported p-value: Rao–Scott corrected (episodes clustered by task). */
  p_value: number | null;
  /** Pearson's p treating episodes as independent (naive). */
  p_naive: number | null;
  /** The G statistic's p, naive like p_naive. */
  g_p_value: number | null;
  min_expected: number | null;
  cramers_v: number | null;
  jsd: number | null;
}

// Statistic vector layout: shares of a, shares of b, their difference a − b, success rates of a, of b.
function frequencyStatistic(table: PairTable, weights?: ArrayLike<number>): Float64Array {
  const k = table.categories.length;
  const { a, b } = pairTotals(table, weights);
  const fA = shares(a);
  const fB = shares(b);
  const pA = accuracies(a);
  const pB = accuracies(b);
  const out = new Float64Array(5 * k);
  for (let s = 0; s < k; s++) {
    out[s] = fA[s]!;
    out[k + s] = fB[s]!;
    out[2 * k + s] = fA[s]! - fB[s]!;
    out[3 * k + s] = pA[s]!;
    out[4 * k + s] = pB[s]!;
  }
  return out;
}

/** The frequency rows of one comparison under one scheme, one row per strategy either policy used. */
export function frequencyRows(scheme: string, table: PairTable, key: ComparisonKey, bootstrap: ComparisonBootstrap): FrequencyRow[] {
  const k = table.categories.length;
  const { a, b } = pairTotals(table);
  const episodesA = totalEpisodes(a);
  const episodesB = totalEpisodes(b);
  if (episodesA === 0 || episodesB === 0) return [];
  const point = frequencyStatistic(table);
  const { lo, hi } = bootstrapIntervals(bootstrap.resamples, (w) => frequencyStatistic(table, w), bootstrap.level);
  const test = homogeneityTest([Array.from(a.n), Array.from(b.n)]);
  const clustered = raoScott(table, test.chi2, test.df);
  const jsd = jensenShannon(Array.from(a.n), Array.from(b.n));
  return table.categories.map((strategy, s) => {
    const at = (block: number) => [point[block * k + s]!, lo[block * k + s]!, hi[block * k + s]!] as const;
    const [shareA, shareALo, shareAHi] = at(0);
    const [shareB, shareBLo, shareBHi] = at(1);
    const [diff, diffLo, diffHi] = at(2);
    const [accA, accALo, accAHi] = at(3);
    const [accB, accBLo, accBHi] = at(4);
    return {
      scheme,
      ...key,
      strategy,
      support: supportStatus(a.n[s]!, b.n[s]!),
      count_a: a.n[s]!,
      count_b: b.n[s]!,
      share_a: shareA, share_a_lo: shareALo, share_a_hi: shareAHi,
      share_b: shareB, share_b_lo: shareBLo, share_b_hi: shareBHi,
      share_diff: diff, share_diff_lo: diffLo, share_diff_hi: diffHi,
      acc_a: accA, acc_a_lo: accALo, acc_a_hi: accAHi,
      acc_b: accB, acc_b_lo: accBLo, acc_b_hi: accBHi,
      tasks: table.tasks.length,
      episodes_a: episodesA,
      episodes_b: episodesB,
      chi2: test.chi2,
      g: test.g,
      df: test.df,
      design_effect: clustered.designEffect,
      chi2_rs: clustered.chi2,
      p_value: clustered.p_value,
      p_naive: test.p_value,
      g_p_value: test.g_p_value,
      min_expected: test.min_expected,
      cramers_v: test.cramers_v,
      jsd,
    };
  });
}
