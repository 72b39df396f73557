/**
 * Access to the outputs of the stages a report reads, all optional: a run may leave any of them out.
 * A table that is absent or unreadable becomes a `problems` entry that the skipped figures show.
 */
import type { StageInput } from '../../pipeline/runner/stage';
import { CellError, parseRows } from '../data/columns';

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

/** Reads and parses a CSV table, or records why it could not. */
export async function loadTable<T>(
  upstream: Upstream,
  stages: readonly string[],
  file: string,
  read: (record: Record<string, string>) => T | null,
  problems: Record<string, string>,
): Promise<T[] | undefined> {
  const input = locate(upstream, stages, file);
  if (!input) {
    problems[file] = absence(upstream, stages, file);
    return undefined;
  }
  try {
    // A reader returns null for a row that states no value (e.g. a blank estimate): it is left out.
    return parseRows(`${input.stage}/${file}`, await input.csv(file), read).filter((row): row is T => row !== null);
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    problems[file] = `${error.message} — the table does not match the format this report reads.`;
    return undefined;
  }
}
