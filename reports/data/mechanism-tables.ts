/**
 * Types and row readers for the tables of the passkt (marginal values, T*, crossover), boundary
 * (verdicts), compare (frequencies, decompositions) and label (diversity) stages, as their docs define them.
 */
import { budget, int, num, optionalColumn, optionalNum, text } from './columns';
import type { Budget } from './tables';

/** `marginal.csv`: Δ_k (kind `k`, doubling k at one budget) or Δ_T (kind `T`, next budget at one k). */
export interface MarginalRow {
  policy: string;
  family: string;
  kind: 'k' | 'T';
  k_from: number;
  k_to: number;
  budget_from: Budget;
  budget_to: Budget;
  delta: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

/** Reads a `marginal.csv` row. */
export function readMarginalRow(r: Record<string, string>): MarginalRow {
  const kind = text(r, 'kind');
  return {
    policy: text(r, 'policy'),
    family: text(r, 'family'),
    kind: kind === 'T' ? 'T' : 'k',
    k_from: int(r, 'k_from'),
    k_to: int(r, 'k_to'),
    budget_from: budget(r, 'budget_from'),
    budget_to: budget(r, 'budget_to'),
    delta: optionalNum(r, 'delta'),
    ci_low: optionalNum(r, 'ci_low'),
    ci_high: optionalNum(r, 'ci_high'),
  };
}

/** `saturation.csv`: the saturation depth T* per (policy, family, k); null when not saturated. */
export interface SaturationRow {
  policy: string;
  family: string;
  k: number;
  t_star: number | null;
  threshold: number;
}

/** Reads a `saturation.csv` row. */
export function readSaturationRow(r: Record<string, string>): SaturationRow {
  return { policy: text(r, 'policy'), family: text(r, 'family'), k: int(r, 'k'), t_star: optionalNum(r, 't_star'), threshold: num(r, 'threshold') };
}

/** `crossover.csv`: the smallest k from which a stays at or above b. */
export interface CrossoverRow {
  family: string;
  budget: Budget;
  policy_a: string;
  policy_b: string;
  crossover_k: number | null;
  status: string;
  /** a − b at k = 1 and at the largest k (null when the stage did not write them). */
  diff_at_1: number | null;
  diff_at_max: number | null;
  k_max: number | null;
}

/** Reads a `crossover.csv` row. */
export function readCrossoverRow(r: Record<string, string>): CrossoverRow {
  return {
    family: text(r, 'family'),
    budget: budget(r),
    policy_a: text(r, 'policy_a'),
    policy_b: text(r, 'policy_b'),
    crossover_k: optionalNum(r, 'crossover_k'),
    status: text(r, 'status'),
    diff_at_1: optionalColumn(r, 'diff_at_1'),
    diff_at_max: optionalColumn(r, 'diff_at_max'),
    k_max: optionalColumn(r, 'k_max'),
  };
}

/** `verdict.csv`: the boundary verdict per family, budget and policy pair, with its evidence. */
export interface VerdictRow {
  family: string;
  budget: Budget;
  policy_a: string;
  policy_b: string;
  verdict: string;
  k: number;
  only_a: number;
  only_b: number;
  p_value: number;
  /** Holm-adjusted p-value over the family's tests, when the boundary stage writes one. */
  p_holm: number | null;
  shared_tasks: number;
  shared_pass1_diff: number | null;
  shared_ci_low: number | null;
  shared_ci_high: number | null;
}

/** Reads a `verdict.csv` row. */
export function readVerdictRow(r: Record<string, string>): VerdictRow {
  return {
    family: text(r, 'family'),
    budget: budget(r),
    policy_a: text(r, 'policy_a'),
    policy_b: text(r, 'policy_b'),
    verdict: text(r, 'verdict'),
    k: int(r, 'k'),
    only_a: int(r, 'only_a'),
    only_b: int(r, 'only_b'),
    p_value: num(r, 'p_value'),
    p_holm: optionalColumn(r, 'p_holm'),
    shared_tasks: int(r, 'shared_tasks'),
    shared_pass1_diff: optionalNum(r, 'shared_pass1_diff'),
    shared_ci_low: optionalNum(r, 'shared_ci_low'),
    shared_ci_high: optionalNum(r, 'shared_ci_high'),
  };
}

/** `compare_frequencies.csv`: one strategy's share and success rate in policies a and b. */
export interface FrequencyRow {
  scheme: string;
  family: string;
  budget: Budget;
  policy_a: string;
  policy_b: string;
  strategy: string;
  support: string;
  count_a: number;
  count_b: number;
  share_a: number;
  share_a_lo: number | null;
  share_a_hi: number | null;
  share_b: number;
  share_b_lo: number | null;
  share_b_hi: number | null;
  acc_a: number | null;
  acc_a_lo: number | null;
  acc_a_hi: number | null;
  acc_b: number | null;
  acc_b_lo: number | null;
  acc_b_hi: number | null;
  p_value: number | null;
  cramers_v: number | null;
  jsd: number | null;
}

/** Reads a `compare_frequencies.csv` row. */
export function readFrequencyRow(r: Record<string, string>): FrequencyRow {
  return {
    scheme: text(r, 'scheme'),
    family: text(r, 'family'),
    budget: budget(r),
    policy_a: text(r, 'policy_a'),
    policy_b: text(r, 'policy_b'),
    strategy: text(r, 'strategy'),
    support: text(r, 'support'),
    count_a: num(r, 'count_a'),
    count_b: num(r, 'count_b'),
    share_a: num(r, 'share_a'),
    share_a_lo: optionalNum(r, 'share_a_lo'),
    share_a_hi: optionalNum(r, 'share_a_hi'),
    share_b: num(r, 'share_b'),
    share_b_lo: optionalNum(r, 'share_b_lo'),
    share_b_hi: optionalNum(r, 'share_b_hi'),
    acc_a: optionalNum(r, 'acc_a'),
    acc_a_lo: optionalNum(r, 'acc_a_lo'),
    acc_a_hi: optionalNum(r, 'acc_a_hi'),
    acc_b: optionalNum(r, 'acc_b'),
    acc_b_lo: optionalNum(r, 'acc_b_lo'),
    acc_b_hi: optionalNum(r, 'acc_b_hi'),
    p_value: optionalNum(r, 'p_value'),
    cramers_v: optionalNum(r, 'cramers_v'),
    jsd: optionalNum(r, 'jsd'),
  };
}

/** A term of a decomposition with its interval. */
export interface Term {
  value: number | null;
  lo: number | null;
  hi: number | null;
}

const term = (r: Record<string, string>, name: string): Term => ({
  value: optionalNum(r, name),
  lo: optionalNum(r, `${name}_lo`),
  hi: optionalNum(r, `${name}_hi`),
});

/** `decomposition.csv`: total = reweighting + within + support (new/lost strategies). */
export interface DecompositionRow {
  scheme: string;
  family: string;
  budget: Budget;
  policy_a: string;
  policy_b: string;
  variant: string;
  acc_a: number | null;
  acc_b: number | null;
  total: Term;
  reweighting: Term;
  within: Term;
  support: Term;
}

/** Reads a `decomposition.csv` row. */
export function readDecompositionRow(r: Record<string, string>): DecompositionRow {
  return {
    scheme: text(r, 'scheme'),
    family: text(r, 'family'),
    budget: budget(r),
    policy_a: text(r, 'policy_a'),
    policy_b: text(r, 'policy_b'),
    variant: text(r, 'variant'),
    acc_a: optionalNum(r, 'acc_a'),
    acc_b: optionalNum(r, 'acc_b'),
    total: term(r, 'total'),
    reweighting: term(r, 'reweighting'),
    within: term(r, 'within'),
    support: term(r, 'support'),
  };
}

/** `retrieval_decomposition.csv`: total = retrieval term + integration term. */
export interface RetrievalDecompositionRow {
  family: string;
  budget: Budget;
  policy_a: string;
  policy_b: string;
  label: string;
  definition: string;
  acc_a: number | null;
  acc_b: number | null;
  total: Term;
  retrieval: Term;
  integration: Term;
}

/** Reads a `retrieval_decomposition.csv` row. */
export function readRetrievalDecompositionRow(r: Record<string, string>): RetrievalDecompositionRow {
  return {
    family: text(r, 'family'),
    budget: budget(r),
    policy_a: text(r, 'policy_a'),
    policy_b: text(r, 'policy_b'),
    label: text(r, 'label'),
    definition: text(r, 'definition'),
    acc_a: optionalColumn(r, 'acc_a'),
    acc_b: optionalColumn(r, 'acc_b'),
    total: term(r, 'total'),
    retrieval: term(r, 'retrieval'),
    integration: term(r, 'integration'),
  };
}

/** `diversity.csv`: unique query sequences per task and overlap with the base policy's sequences. */
export interface DiversityRow {
  policy: string;
  family: string;
  budget: Budget;
  base: string;
  tasks: number;
  mean_unique: number;
  unique_ci_low: number | null;
  unique_ci_high: number | null;
  share_in_base: number | null;
  share_in_base_ci_low: number | null;
  share_in_base_ci_high: number | null;
}

/** Reads a `diversity.csv` row. */
export function readDiversityRow(r: Record<string, string>): DiversityRow {
  return {
    policy: text(r, 'policy'),
    family: text(r, 'family'),
    budget: budget(r),
    base: text(r, 'base'),
    tasks: int(r, 'tasks'),
    mean_unique: num(r, 'mean_unique'),
    unique_ci_low: optionalNum(r, 'unique_ci_low'),
    unique_ci_high: optionalNum(r, 'unique_ci_high'),
    share_in_base: optionalNum(r, 'share_in_base'),
    share_in_base_ci_low: optionalNum(r, 'share_in_base_ci_low'),
    share_in_base_ci_high: optionalNum(r, 'share_in_base_ci_high'),
  };
}
