/**
 * Writes `stats.jsonl` in its canonical order (header, then tasks by id, outcomes by policy, family,
 * task, labels and truths by policy, family, budget, task, label), so equal statistics give equal bytes.
 */
import type { TaskRow } from '../../../analyses/episode';
import { type PairStats } from '../../../analyses/passkt/outcomes';
import type { LabelCounts } from '../../../analyses/shard/label-counts';
import type { StageOutput } from '../../runner/stage';
import { STATS_FILE, type StatsHeader } from './format';
import { labelLine, outcomeLine, taskLine, truthLine } from './lines';
import { compareText } from '../../../analyses/stats/compare-text';

/** The statistics of one shard, or of the sum of shards. */
export interface StatsContent {
  header: StatsHeader;
  tasks: readonly TaskRow[];
  /** In (policy, family, task) order, as OutcomeCollector.pairStats returns them. */
  pairs: readonly PairStats[];
  /** Null when the label stage did not run. */
  labels: LabelCounts | null;
}

/** Task rows in task-id order. */
export function sortTasks(tasks: Iterable<TaskRow>): TaskRow[] {
  return [...tasks].sort((a, b) => compareText(a.task, b.task));
}

/** Writes `stats.jsonl`. */
export async function writeStats(out: StageOutput, content: StatsContent): Promise<void> {
  const writer = out.jsonl(STATS_FILE);
  await writer.write(content.header);
  for (const row of sortTasks(content.tasks)) await writer.write(taskLine(row));
  for (const pair of content.pairs) await writer.write(outcomeLine(pair));
  if (content.labels) {
    for (const count of content.labels.rows()) await writer.write(labelLine(count));
    for (const count of content.labels.truthRows()) await writer.write(truthLine(count));
  }
  await writer.close();
}
