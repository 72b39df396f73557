/**
 * Reading for the passkt and boundary stages: ingest's episode rows streamed into outcome counts,
 * and passkt's own `outcomes.jsonl` read back by the boundary stage — each checked line by line.
 */
import { z } from 'zod';
import type { EpisodeRow } from '../../../analyses/episode';
import { parseBudget } from '../../../analyses/passkt/budget';
import { OutcomeCollector, type Outcome } from '../../../analyses/passkt/outcomes';
import { UserError } from '../../errors';
import type { StageContext, StageInput } from '../../runner/stage';

/** Why a row cannot be an episode row, or null when the fields passkt reads are valid (hand-written: this runs per episode). */
export function episodeRowProblem(row: unknown): string | null {
  if (typeof row !== 'object' || row === null) return 'not an object';
  const r = row as Partial<Record<keyof EpisodeRow, unknown>>;
  for (const field of ['policy', 'task', 'family'] as const) if (typeof r[field] !== 'string') return `${field} must be a string`;
  if (r.budget !== null && !isCount(r.budget)) return 'budget must be a non-negative integer or null';
  if (!isCount(r.rounds)) return 'rounds must be a non-negative integer';
  if (typeof r.correct !== 'boolean') return 'correct must be true or false';
  return null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Streams `episodes.jsonl` of the ingest stage into an outcome collector. */
export async function collectEpisodes(ctx: StageContext<unknown>): Promise<OutcomeCollector> {
  const collector = new OutcomeCollector();
  const input = ctx.input('ingest');
  const accepted = input.manifest.counts?.accepted;
  const progress = ctx.progress('reading episodes', typeof accepted === 'number' ? accepted : undefined);
  let line = 0;
  for await (const row of input.jsonl<EpisodeRow>('episodes.jsonl')) {
    line += 1;
    const problem = episodeRowProblem(row);
    if (problem) {
      throw new UserError(
        `ingest/episodes.jsonl line ${line}: ${problem}.`,
        'The file is written by the ingest stage; re-run it with `npm run pipeline -- --from ingest`.',
      );
    }
    // A missing or cut trace does not tell how many rounds the episode used.
    collector.add({ ...row, rounds: row.trace ? null : row.rounds });
    if (line % 10000 === 0) progress.tick(10000);
  }
  progress.tick(line % 10000);
  progress.stop();
  return collector;
}

/** One line of `outcomes.jsonl`. */
export const OutcomeSchema = z.object({
  policy: z.string(),
  task: z.string(),
  family: z.string(),
  budget: z.union([z.literal('all'), z.number().int().min(0)]),
  mode: z.enum(['capped', 'thresholded']),
  n: z.number().int().min(1),
  c: z.number().int().min(0),
});

/** Reads passkt's `outcomes.jsonl` back, checking every line. */
export async function readOutcomes(input: StageInput): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let line = 0;
  for await (const row of input.jsonl<unknown>('outcomes.jsonl')) {
    line += 1;
    const parsed = OutcomeSchema.safeParse(row);
    if (!parsed.success || parsed.data.c > parsed.data.n) {
      throw new UserError(
        `${input.stage}/outcomes.jsonl line ${line}: not an outcome row (${parsed.success ? 'c > n' : parsed.error.issues[0]?.message ?? 'invalid'}).`,
        'The file is written by the passkt stage; re-run it with `npm run pipeline -- --from passkt`.',
      );
    }
    outcomes.push({ ...parsed.data, budget: parseBudget(parsed.data.budget) });
  }
  return outcomes;
}
