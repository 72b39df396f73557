/**
 * The typed tables a report is built from: one field per upstream output, each optional because a
 * run may not include the stage that writes it (a figure whose table is absent is skipped with a note).
 */

/** T as written in outputs: an integer budget, or `all` for uncapped episodes with no threshold. */
export type Budget = number | 'all';

/** A row of `passkt.csv`. */
export interface PasskRow {
  policy: string;
  family: string;
  budget: Budget;
  k: number;
  pass: number;
  /** Null when the passkt stage ran without resamples (no interval). */
  ci_low: number | null;
  ci_high: number | null;
  tasks: number;
  mode: string;
}

/** A row of `passkt_diff.csv`: PASS(a) − PASS(b) with a paired bootstrap interval. */
export interface PasskDiffRow {
  family: string;
  budget: Budget;
  k: number;
  policy_a: string;
  policy_b: string;
  diff: number;
  ci_low: number | null;
  ci_high: number | null;
}

/** A row of `boundary.csv`: tasks solved at least once in k samples by a, b, both, neither. */
export interface BoundaryRow {
  family: string;
  budget: Budget;
  policy_a: string;
  policy_b: string;
  k: number;
  only_a: number;
  only_b: number;
  both: number;
  neither: number;
  p_value: number;
}

/** A row of `retrieval.csv`. */
export interface RetrievalRow {
  policy: string;
  family: string;
  budget: Budget;
  episodes: number;
  retrieval_rate: number;
  accuracy: number;
  /** Null when no episode retrieved (or missed): the conditional is undefined. */
  acc_given_retrieved: number | null;
  acc_given_missed: number | null;
  definition: string;
}

/** One point of the cluster map (a deterministic sample of `clusters.csv`). */
export interface ClusterPoint {
  policy: string;
  family: string;
  budget: Budget;
  cluster: string;
  label: string;
  pc1: number;
  pc2: number;
}

/** Episode counts per (policy, cluster, strategy label), from `clusters.csv`. */
export interface ClusterLabelCount {
  cluster: string;
  label: string;
  episodes: number;
}

/** How often a query sequence occurs for a policy (the most frequent ones, from `labels.csv`). */
export interface SequenceCount {
  family: string;
  budget: Budget;
  policy: string;
  sequence: string;
  episodes: number;
  correct: number;
}

/** Where the data came from: source kind, input files with hashes, counts and rejects. */
export interface Provenance {
  /** simulated | imported | collected | user-supplied | unknown */
  kind: 'simulated' | 'imported' | 'collected' | 'user-supplied' | 'merged' | 'unknown';
  /** The source stage's name when one ran (simulate, import, collect). */
  sourceStage: string | null;
  /** Short sentence about how the kind was determined. */
  basis: string;
  inputs: { path: string; bytes: number | null; sha256: string | null }[];
  counts: { read: number | null; accepted: number | null; rejected: number | null };
  rejectReasons: { reason: string; count: number }[];
  /** Stages that ran, with their fingerprints (the replay key). */
  stages: { stage: string; fingerprint: string; params: unknown }[];
}

import type {
  CrossoverRow,
  DecompositionRow,
  DiversityRow,
  FrequencyRow,
  MarginalRow,
  RetrievalDecompositionRow,
  SaturationRow,
  VerdictRow,
} from './mechanism-tables';

/** Everything a report can draw. */
export interface ReportData {
  passkt?: PasskRow[];
  passktDiff?: PasskDiffRow[];
  boundary?: BoundaryRow[];
  retrieval?: RetrievalRow[];
  clusterPoints?: ClusterPoint[];
  /** Total number of episodes in clusters.csv (the map shows a sample of them). */
  clusterEpisodes?: number;
  clusterLabels?: ClusterLabelCount[];
  sequences?: SequenceCount[];
  marginal?: MarginalRow[];
  saturation?: SaturationRow[];
  crossover?: CrossoverRow[];
  verdicts?: VerdictRow[];
  frequencies?: FrequencyRow[];
  decomposition?: DecompositionRow[];
  retrievalDecomposition?: RetrievalDecompositionRow[];
  diversity?: DiversityRow[];
  /** Policy and family names shortened for display, with their full text (reports/load/display-names.ts). */
  shortenedNames: { short: string; full: string }[];
  /** Why a table is missing or unreadable (file → reason), shown beside skipped figures. */
  problems: Record<string, string>;
  provenance: Provenance;
}
