/** `episodes.jsonl` (ingest): one compact row per accepted episode — the input of every analysis stage. */
import type { EpisodeRow } from '../../analyses/episode';
import { OutcomeCollector } from '../../analyses/passkt/outcomes';
import type { StageContext } from '../runner/stage';
import { defineJsonlFile } from './json-file';

/** Why a row cannot be an episode row, or null when the fields the analyses read are valid (hand-written: this runs per episode). */
export function episodeRowProblem(row: unknown): string | null {
  if (typeof row !== 'object' || row === null) return 'not an object';
  const r = row as Partial<Record<keyof EpisodeRow, unknown>>;
  for (const field of ['id', 'policy', 'task', 'family'] as const) if (typeof r[field] !== 'string') return `${field} must be a string`;
  if (r.budget !== null && !isCount(r.budget)) return 'budget must be a non-negative integer or null';
  if (!isCount(r.rounds)) return 'rounds must be a non-negative integer';
  if (typeof r.correct !== 'boolean') return 'correct must be true or false';
  return null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** The declaration of `episodes.jsonl` (the rows also go to `episodes.arrow` as typed columns). */
export const episodesFile = defineJsonlFile<EpisodeRow>('episodes.jsonl', episodeRowProblem);

/** Streams `episodes.jsonl` of the ingest stage into an outcome collector. */
export async function collectEpisodes(ctx: StageContext<unknown>): Promise<OutcomeCollector> {
  const collector = new OutcomeCollector();
  const input = ctx.input('ingest');
  const accepted = input.manifest.counts?.accepted;
  const progress = ctx.progress('reading episodes', typeof accepted === 'number' ? accepted : undefined);
  let line = 0;
  for await (const row of episodesFile.stream(input)) {
    // A missing or cut trace does not tell how many rounds the episode used.
    collector.add({ ...row, rounds: row.trace ? null : row.rounds });
    line += 1;
    if (line % 10000 === 0) progress.tick(10000);
  }
  progress.tick(line % 10000);
  progress.stop();
  return collector;
}
