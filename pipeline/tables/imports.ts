/** `imports.csv`: per imported file, what its adapter read, converted, rejected and merged. */
import { defineCsvTable } from './csv-table';
import { int, text } from './cells';
import type { RowOf } from './row-of';

/** The columns of `imports.csv`. */
export const importsTable = defineCsvTable('imports.csv', {
  format: text,
  file: text,
  policy: text,
  read: int,
  converted: int,
  rejected: int,
  merged: int,
  /** Trajectories that carry a verdict, and how many of those are correct. */
  with_verdict: int,
  correct: int,
  /** Tool results of the converted trajectories, and how many carry documents (`result.docs`). */
  results: int,
  results_with_docs: int,
  /** Trajectories kept as outcome only (`trace: "missing"`: a verdict without steps). */
  outcome_only: int,
});

/** A row of `imports.csv`: one imported file's tally. */
export type ImportTally = RowOf<typeof importsTable>;
