/**
 * What a shard read, as content hashes: every shard of one set must have read the same files (or run
 * the same source stage with the same seed and parameters), whatever machine or path it ran on.
 */
import type { StageContext } from '../../runner/stage';
import type { StatsHeader } from '../../tables/stats/format';

/** The input identity of the run behind the stage's `ingest` input. */
export function inputIdentity(ctx: StageContext<unknown>): StatsHeader['inputs'] {
  const ingest = ctx.input('ingest').manifest;
  const sourceStage = (ingest.params as { source?: string } | null)?.source;
  const source = sourceStage && ctx.hasInput(sourceStage) ? ctx.input(sourceStage).manifest : undefined;
  return {
    files: ingest.external_files.map((file) => file.sha256),
    source: source ? { stage: source.stage, seed: source.seed, params: source.params, files: source.external_files.map((file) => file.sha256) } : null,
    ...recordLimits(ingest.params as { maxLineBytes: number; maxDepth: number; lenientUtf8: boolean }),
  };
}

/** Ingest's record limits as the header states them. */
function recordLimits(params: { maxLineBytes: number; maxDepth: number; lenientUtf8: boolean }): Pick<StatsHeader['inputs'], 'max_line_bytes' | 'max_depth' | 'lenient_utf8'> {
  return { max_line_bytes: params.maxLineBytes, max_depth: params.maxDepth, lenient_utf8: params.lenientUtf8 };
}
