/**
 * The tables a report is built from: one field per upstream output, each optional because a run may
 * not include the stage that writes it (a figure whose table is absent is skipped with a note). Rows
 * are those of the output declarations in pipeline/tables; the aggregates below are computed from the
 * per-episode tables when the report loads them.
 */
import type { Budget } from '../../analyses/budget';
import type { DecompositionRow } from '../../analyses/mechanism/decomposition-rows';
import type { FrequencyRow } from '../../analyses/mechanism/frequency-rows';
import type { RetrievalDecompositionRow } from '../../analyses/mechanism/retrieval-rows';
import type { RetrievalRow } from '../../analyses/mechanism/retrieval-table';
import type { DiversityRow } from '../../analyses/strategy/diversity';
import type { SurprisalDiffRow, SurprisalRow } from '../../analyses/experiments/surprisal-table';
import type { SwapAttributionRow, SwapCellRow } from '../../analyses/experiments/swap-table';
import type { BoundaryCsvRow } from '../../pipeline/tables/boundary';
import type { CrossoverRow } from '../../pipeline/tables/crossover';
import type { MarginalRow } from '../../pipeline/tables/marginal';
import type { PassRow } from '../../pipeline/tables/passkt';
import type { PassDiffRow } from '../../pipeline/tables/passkt-diff';
import type { SaturationRow } from '../../pipeline/tables/saturation';
import type { VerdictCsvRow } from '../../pipeline/tables/verdict';

export type { Budget };

/** A `passkt.csv` row with an estimate (rows of a k no task reaches are left out). */
export type PasskRow = PassRow & { pass: number };

/** A `passkt_diff.csv` row with a defined difference. */
export type PasskDiffRow = PassDiffRow & { diff: number };

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

/** Everything a report can draw. */
export interface ReportData {
  passkt?: PasskRow[];
  passktDiff?: PasskDiffRow[];
  boundary?: BoundaryCsvRow[];
  retrieval?: RetrievalRow[];
  clusterPoints?: ClusterPoint[];
  /** Total number of episodes in clusters.csv (the map shows a sample of them). */
  clusterEpisodes?: number;
  clusterLabels?: ClusterLabelCount[];
  sequences?: SequenceCount[];
  marginal?: MarginalRow[];
  saturation?: SaturationRow[];
  crossover?: CrossoverRow[];
  verdicts?: VerdictCsvRow[];
  frequencies?: FrequencyRow[];
  decomposition?: DecompositionRow[];
  retrievalDecomposition?: RetrievalDecompositionRow[];
  diversity?: DiversityRow[];
  /** The score stage's surprisal by segment and its paired differences. */
  surprisal?: SurprisalRow[];
  surprisalDiff?: SurprisalDiffRow[];
  /** The swap stage's 2 × 2 grid and attribution. */
  swap?: SwapCellRow[];
  swapAttribution?: SwapAttributionRow[];
  /** Policy and family names shortened for display, with their full text (reports/load/display-names.ts). */
  shortenedNames: { short: string; full: string }[];
  /** Why a table is missing or unreadable (file → reason), shown beside skipped figures. */
  problems: Record<string, string>;
  provenance: Provenance;
}
