/**
 * `decomposition.csv`: the shift-share decomposition of one comparison, per variant, with intervals,
 * the strategies behind the new / lost term and the terms that rest on thin strategy cells.
 */
import { compareText } from '../stats/compare-text';
import { totalEpisodes } from './category-totals';
import type { ComparisonBootstrap, ComparisonKey } from './comparison-key';
import { type PairTable, pairTotals } from './pair-table';
import { SHIFT_SHARE_TERMS, SHIFT_SHARE_VARIANTS, type ShiftShareVariant, shiftShare, shiftShareContributions } from './shift-share';
import { supportChange } from './support';
import { restsOnThin, thinStrategies, type ThinThresholds } from './thin-terms';
import { bootstrapIntervals } from '../stats/task-bootstrap';

/** One row of `decomposition.csv`: total = reweighting + within + support (new / lost), each with its interval (null: undefined). */
export interface DecompositionRow extends ComparisonKey {
  scheme: string;
  variant: ShiftShareVariant;
  acc_a: number | null;
  acc_b: number | null;
  total: number | null;
  total_lo: number | null;
  total_hi: number | null;
  reweighting: number | null;
  reweighting_lo: number | null;
  reweighting_hi: number | null;
  within: number | null;
  within_lo: number | null;
  within_hi: number | null;
  support: number | null;
  support_lo: number | null;
  support_hi: number | null;
  new_share: number | null;
  lost_share: number | null;
  /** Strategies a uses and b never does, `;`-separated (empty: none). */
  new_strategies: string;
  /** Strategies b uses and a never does. */
  lost_strategies: string;
  /** The terms of this variant that rest on thin strategy cells (`reweighting`, `within`, `support`), `;`-separated (empty: none). */
  thin: string;
  tasks: number;
  episodes_a: number;
  episodes_b: number;
}

const TERMS = ['total', 'reweighting', 'within', 'support'] as const;

// Statistic vector layout: for each variant in SHIFT_SHARE_VARIANTS order, the TERMS.
function decompositionStatistic(table: PairTable, weights?: ArrayLike<number>): Float64Array {
  const { a, b } = pairTotals(table, weights);
  const result = shiftShare(a, b);
  return Float64Array.from(SHIFT_SHARE_VARIANTS.flatMap((variant) => TERMS.map((term) => result[variant][term])));
}

/** The three decomposition rows (a_ref, b_ref, symmetric) of one comparison under one scheme. */
export function decompositionRows(scheme: string, table: PairTable, key: ComparisonKey, bootstrap: ComparisonBootstrap, thresholds: ThinThresholds): DecompositionRow[] {
  const { a, b } = pairTotals(table);
  if (totalEpisodes(a) === 0 || totalEpisodes(b) === 0) return [];
  const point = shiftShare(a, b);
  const contributions = shiftShareContributions(a, b);
  const thin = thinStrategies(table, thresholds);
  const support = supportChange(table.categories, a.n, b.n);
  const { lo, hi } = bootstrapIntervals(bootstrap.resamples, (w) => decompositionStatistic(table, w), bootstrap.level);
  return SHIFT_SHARE_VARIANTS.map((variant, v) => {
    const row: DecompositionRow = {
      scheme,
      ...key,
      variant,
      acc_a: point.acc_a,
      acc_b: point.acc_b,
      total: 0, total_lo: 0, total_hi: 0,
      reweighting: 0, reweighting_lo: 0, reweighting_hi: 0,
      within: 0, within_lo: 0, within_hi: 0,
      support: 0, support_lo: 0, support_hi: 0,
      new_share: point.new_share,
      lost_share: point.lost_share,
      new_strategies: support.gained.join(';'),
      lost_strategies: support.lost.join(';'),
      thin: SHIFT_SHARE_TERMS.filter((term) => restsOnThin(contributions[variant][term], thin)).sort(compareText).join(';'),
      tasks: table.tasks.length,
      episodes_a: totalEpisodes(a),
      episodes_b: totalEpisodes(b),
    };
    TERMS.forEach((term, t) => {
      const j = v * TERMS.length + t;
      row[term] = point[variant][term];
      row[`${term}_lo`] = lo[j]!;
      row[`${term}_hi`] = hi[j]!;
    });
    return row;
  });
}
