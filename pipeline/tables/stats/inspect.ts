/**
 * `npm run inspect -- stats` and `-- merge`: the header of `stats.jsonl` in words (which shard, what
 * it read, what it counted) and the stage's summary lines.
 */
import type { StageInput } from '../../runner/stage';
import { readStatsHeader } from './read';
import { STATS_FILE } from './format';

/** A readable summary of a stats or merge stage's `stats.jsonl`. */
export async function inspectStats(output: StageInput): Promise<string> {
  const header = await readStatsHeader(output.path(STATS_FILE), `${output.stage}/${STATS_FILE}`);
  const { records, shared } = header;
  const reasons = Object.entries(records.reject_reasons).map(([reason, count]) => `${reason} ${count}`).join(', ') || 'none';
  return [
    ...output.manifest.summary,
    '',
    header.shard ? `shard ${header.shard.index} of ${header.shard.count}` : `sum of ${header.merged_from ?? '?'} shards`,
    `trajectory records: read ${records.read}, accepted ${records.accepted}, rejected ${records.rejected} (${reasons})`,
    `read by every shard: ${shared.tasks.derived ? 'tasks derived from the trajectories' : `tasks file: ${shared.tasks.accepted} tasks (read ${shared.tasks.read}, rejected ${shared.tasks.rejected})`}` +
      (shared.rejected_by_source ? `, ${shared.rejected_by_source} records rejected by the ${header.inputs.source?.stage ?? 'source'} stage` : ''),
    `inputs: ${header.inputs.files.length} files${header.inputs.source ? `, source stage ${header.inputs.source.stage} (seed ${header.inputs.source.seed})` : ''}`,
    `labels: ${header.label ? `${header.label.labeler} (tool roles set: ${Object.entries(header.label.tool_roles).map(([tool, role]) => `${tool}=${role}`).join(', ') || 'none, the defaults'})` : 'none (the label stage did not run)'}`,
    '',
    `file: ${output.path(STATS_FILE)}`,
  ].join('\n');
}
