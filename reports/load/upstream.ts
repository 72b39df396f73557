/**
 * Access to the outputs of the stages a report reads, all optional: a run may leave any of them out.
 * A table that is absent or unreadable becomes a `problems` entry that the skipped figures show.
 */
import type { StageInput } from '../../pipeline/runner/stage';
import { CellError } from '../../pipeline/tables/cells';
import type { CsvTable } from '../../pipeline/tables/csv-table';

/** The part of the stage context the report's loaders use. */
export interface Upstream {
  hasInput(stage: string): boolean;
  input(stage: string): StageInput;
}

/** Where a file comes from: the first listed stage that is in the run and wrote it. */
export function locate(upstream: Upstream, stages: readonly string[], file: string): StageInput | null {
  for (const stage of stages) {
    if (!upstream.hasInput(stage)) continue;
    const input = upstream.input(stage);
    if (input.has(file)) return input;
  }
  return null;
}

/** Why a file is not there, in words for the page. */
export function absence(upstream: Upstream, stages: readonly string[], file: string): string {
  const present = stages.filter((stage) => upstream.hasInput(stage));
  if (present.length === 0) return `the ${stages.join(' / ')} stage is not part of this run (no ${file}).`;
  return `the ${present.join(' / ')} stage ran but wrote no ${file}.`;
}

/** Reads a declared table from the first listed stage that wrote it, or records why it could not. */
export async function loadTable<R>(
  upstream: Upstream,
  stages: readonly string[],
  table: CsvTable<R>,
  problems: Record<string, string>,
): Promise<R[] | undefined> {
  const input = locate(upstream, stages, table.file);
  if (!input) {
    problems[table.file] = absence(upstream, stages, table.file);
    return undefined;
  }
  try {
    return await table.read(input);
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    problems[table.file] = `${error.message} — the table does not match the format this report reads.`;
    return undefined;
  }
}
