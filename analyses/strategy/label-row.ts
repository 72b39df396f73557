/** The row of `labels.csv`: one labelled episode (the label stage writes it as episodes arrive). */

/** A row of `labels.csv`. */
export type LabelRow = {
  id: string;
  policy: string;
  task: string;
  family: string;
  budget: number | null;
  label: string;
  correct: boolean;
  calls: number;
  rounds: number;
  sequence: string;
  /** TAXONOMY.md reading label: none / brief / deep. */
  reading: string;
  /** Distinct read targets (read calls differing in tool or arguments). */
  read_targets: number;
};
