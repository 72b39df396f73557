/**
 * Splits ingest's `rejects.jsonl` into what a shard rejected itself and what every shard rejects
 * alike. Ingest writes, in this order: task-file rejects (kind `task`), then the source stage's rejects
 * (the first `rejected_by_source` trajectory entries), then the shard's own trajectory rejects.
 */
import { addReasons } from '../../../analyses/shard/counts';

/** Reject counts by category, split by where they came from. */
export interface RejectSplit {
  task: Record<string, number>;
  source: Record<string, number>;
  own: Record<string, number>;
  ownTotal: number;
}

/** Counts the rejects of `rejects.jsonl` by category and origin. */
export async function splitRejects(entries: AsyncIterable<{ kind?: string; category?: string }>, rejectedBySource: number): Promise<RejectSplit> {
  const task = new Map<string, number>();
  const source = new Map<string, number>();
  const own = new Map<string, number>();
  let trajectories = 0;
  let ownTotal = 0;
  for await (const entry of entries) {
    const category = entry.category ?? 'unknown';
    if (entry.kind === 'task') {
      task.set(category, (task.get(category) ?? 0) + 1);
      continue;
    }
    trajectories += 1;
    const target = trajectories <= rejectedBySource ? source : own;
    target.set(category, (target.get(category) ?? 0) + 1);
    if (target === own) ownTotal += 1;
  }
  const table = (map: Map<string, number>) => addReasons(Object.fromEntries(map));
  return { task: table(task), source: table(source), own: table(own), ownTotal };
}
