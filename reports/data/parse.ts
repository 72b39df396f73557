/**
 * Row readers for the upstream tables whose columns FORMAT.md and the stage docs fix.
 */
import { budget, int, num, optionalNum, text } from './columns';
import type { BoundaryRow, PasskDiffRow, PasskRow, RetrievalRow } from './tables';

/** Reads a `passkt.csv` row; null for a k no task reaches (blank `pass`), which is left out. */
export function readPasskRow(r: Record<string, string>): PasskRow | null {
  if (optionalNum(r, 'pass') === null) return null;
  return {
    policy: text(r, 'policy'),
    family: text(r, 'family'),
    budget: budget(r),
    k: int(r, 'k'),
    pass: num(r, 'pass'),
    ci_low: optionalNum(r, 'ci_low'),
    ci_high: optionalNum(r, 'ci_high'),
    tasks: int(r, 'tasks'),
    mode: text(r, 'mode'),
  };
}

/** Reads a `passkt_diff.csv` row; null when the difference is undefined (blank). */
export function readPasskDiffRow(r: Record<string, string>): PasskDiffRow | null {
  if (optionalNum(r, 'diff') === null) return null;
  return {
    family: text(r, 'family'),
    budget: budget(r),
    k: int(r, 'k'),
    policy_a: text(r, 'policy_a'),
    policy_b: text(r, 'policy_b'),
    diff: num(r, 'diff'),
    ci_low: optionalNum(r, 'ci_low'),
    ci_high: optionalNum(r, 'ci_high'),
  };
}

/** Reads a `boundary.csv` row. */
export function readBoundaryRow(r: Record<string, string>): BoundaryRow {
  return {
    family: text(r, 'family'),
    budget: budget(r),
    policy_a: text(r, 'policy_a'),
    policy_b: text(r, 'policy_b'),
    k: int(r, 'k'),
    only_a: int(r, 'only_a'),
    only_b: int(r, 'only_b'),
    both: int(r, 'both'),
    neither: int(r, 'neither'),
    p_value: num(r, 'p_value'),
  };
}

/** Reads a `retrieval.csv` row. */
export function readRetrievalRow(r: Record<string, string>): RetrievalRow {
  return {
    policy: text(r, 'policy'),
    family: text(r, 'family'),
    budget: budget(r),
    episodes: int(r, 'episodes'),
    retrieval_rate: num(r, 'retrieval_rate'),
    accuracy: num(r, 'accuracy'),
    acc_given_retrieved: optionalNum(r, 'acc_given_retrieved'),
    acc_given_missed: optionalNum(r, 'acc_given_missed'),
    definition: text(r, 'definition'),
  };
}
