/**
 * `retrieval_decomposition.csv`: retrieval vs integration for one comparison, over all episodes
 * (`label` = `all`) and within each strategy label both policies used.
 */
import { type CategoryTotals, emptyTotals } from './category-totals';
import type { ComparisonBootstrap, ComparisonKey } from './comparison-key';
import { pairTotals } from './pair-table';
import type { RetrievalPairTable } from './pair-selection';
import { MISSED, RETRIEVED, retrievalIntegration } from './retrieval-integration';
import type { RetrievalDefinition } from './retrieval-success';
import { bootstrapIntervals } from '../stats/task-bootstrap';

/** One row of `retrieval_decomposition.csv`: total = acc_a − acc_b = retrieval term + integration term (NaN: undefined). */
export interface RetrievalDecompositionRow extends ComparisonKey {
  /** A strategy label, or `all`. */
  label: string;
  definition: RetrievalDefinition;
  episodes_a: number;
  episodes_b: number;
  excluded_a: number;
  excluded_b: number;
  retrieval_a: number | null;
  retrieval_b: number | null;
  acc_given_retrieved_a: number | null;
  acc_given_retrieved_b: number | null;
  acc_given_missed_a: number | null;
  acc_given_missed_b: number | null;
  acc_a: number | null;
  acc_b: number | null;
  total: number | null;
  total_lo: number | null;
  total_hi: number | null;
  retrieval: number | null;
  retrieval_lo: number | null;
  retrieval_hi: number | null;
  integration: number | null;
  integration_lo: number | null;
  integration_hi: number | null;
  integration_retrieved: number | null;
  integration_retrieved_lo: number | null;
  integration_retrieved_hi: number | null;
  integration_missed: number | null;
  integration_missed_lo: number | null;
  integration_missed_hi: number | null;
  tasks: number;
}

const TERMS = ['total', 'retrieval', 'integration', 'integration_retrieved', 'integration_missed'] as const;

/** The [retrieved, missed] totals of one label (index l) or of all labels (l = -1). */
function sliceTotals(totals: CategoryTotals, l: number): CategoryTotals {
  const out = emptyTotals(2);
  const labels = totals.n.length / 2;
  for (let j = 0; j < labels; j++) {
    if (l >= 0 && j !== l) continue;
    for (const category of [RETRIEVED, MISSED]) {
      out.n[category]! += totals.n[2 * j + category]!;
      out.correct[category]! += totals.correct[2 * j + category]!;
    }
  }
  return out;
}

/** Entries decomposed: all episodes (-1), then (when asked) each label used by both policies. */
function entries(retrieval: RetrievalPairTable, perLabel: boolean): number[] {
  if (!perLabel) return [-1];
  const { a, b } = pairTotals(retrieval.table);
  const shared = retrieval.labels
    .map((_, l) => l)
    .filter((l) => {
      const sa = sliceTotals(a, l);
      const sb = sliceTotals(b, l);
      return sa.n[RETRIEVED]! + sa.n[MISSED]! > 0 && sb.n[RETRIEVED]! + sb.n[MISSED]! > 0;
    });
  return [-1, ...shared];
}

function statistic(retrieval: RetrievalPairTable, list: number[], weights?: ArrayLike<number>): Float64Array {
  const { a, b } = pairTotals(retrieval.table, weights);
  return Float64Array.from(list.flatMap((l) => {
    const d = retrievalIntegration(sliceTotals(a, l), sliceTotals(b, l));
    return TERMS.map((term) => d[term]);
  }));
}

/** The retrieval-vs-integration rows of one comparison (`perLabel`: also one row per shared label). */
export function retrievalDecompositionRows(
  retrieval: RetrievalPairTable,
  definition: RetrievalDefinition,
  key: ComparisonKey,
  bootstrap: ComparisonBootstrap,
  perLabel = true,
): RetrievalDecompositionRow[] {
  const list = entries(retrieval, perLabel);
  const { a, b } = pairTotals(retrieval.table);
  const first = retrievalIntegration(sliceTotals(a, -1), sliceTotals(b, -1));
  if (!Number.isFinite(first.total)) return [];
  const { lo, hi } = bootstrapIntervals(bootstrap.resamples, (w) => statistic(retrieval, list, w), bootstrap.level);
  return list.map((l, e) => {
    const d = retrievalIntegration(sliceTotals(a, l), sliceTotals(b, l));
    const row: RetrievalDecompositionRow = {
      ...key,
      label: l < 0 ? 'all' : retrieval.labels[l]!,
      definition,
      episodes_a: d.a.episodes,
      episodes_b: d.b.episodes,
      excluded_a: (l < 0 ? retrieval.excluded : retrieval.excludedByLabel[l]!)[0],
      excluded_b: (l < 0 ? retrieval.excluded : retrieval.excludedByLabel[l]!)[1],
      retrieval_a: d.a.retrieval_rate,
      retrieval_b: d.b.retrieval_rate,
      acc_given_retrieved_a: d.a.acc_given_retrieved,
      acc_given_retrieved_b: d.b.acc_given_retrieved,
      acc_given_missed_a: d.a.acc_given_missed,
      acc_given_missed_b: d.b.acc_given_missed,
      acc_a: d.a.accuracy,
      acc_b: d.b.accuracy,
      total: 0, total_lo: 0, total_hi: 0,
      retrieval: 0, retrieval_lo: 0, retrieval_hi: 0,
      integration: 0, integration_lo: 0, integration_hi: 0,
      integration_retrieved: 0, integration_retrieved_lo: 0, integration_retrieved_hi: 0,
      integration_missed: 0, integration_missed_lo: 0, integration_missed_hi: 0,
      tasks: retrieval.table.tasks.length,
    };
    TERMS.forEach((term, t) => {
      const j = e * TERMS.length + t;
      row[term] = d[term];
      row[`${term}_lo`] = lo[j]!;
      row[`${term}_hi`] = hi[j]!;
    });
    return row;
  });
}
