/** `summary.json` of ingest (and merge): what was read, accepted and rejected, and the per-cell counts. */
import type { ImportTally } from './imports';
import { defineJsonFile } from './json-file';

/** Episode counts of one (policy, family, budget) cell. */
export interface CellCount {
  policy: string;
  family: string;
  budget: number | 'uncapped';
  episodes: number;
  correct: number;
  tasks: number;
  mean_score: number | null;
}

/**
 * Tool results of one (policy, family) and how many carried documents, in ingest's manifest
 * (`details.documents`): what the retrieval stage checks before using `gold_docs`.
 */
export interface DocumentCount {
  policy: string;
  family: string;
  results: number;
  results_with_docs: number;
}

/** What ingest's `summary.json` holds; a merge run writes the counts without the per-episode parts. */
export interface IngestSummary {
  /** Shards summed (merge runs only). */
  shards?: number;
  read: number;
  accepted: number;
  rejected: number;
  /** Records the import adapters rejected before ingest (counted in `read` and `rejected`). */
  rejected_by_source: number;
  matched_by_question: number;
  blank_lines?: number;
  tasks: { read: number; accepted: number; rejected: number; derived: boolean };
  reject_reasons: Record<string, number>;
  cells?: CellCount[];
  /** Scores in ten bins [0,.1), …, [.9,1]. */
  score_histogram?: number[];
  inputs: string[];
  /** Per-adapter counts of the import stage. */
  sources?: ImportTally[];
}

/** The declaration of `summary.json`. */
export const ingestSummaryFile = defineJsonFile<IngestSummary>('summary.json');
