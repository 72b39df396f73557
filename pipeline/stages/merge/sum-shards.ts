/**
 * Sums the bodies of shard statistics files, read one after the other: outcome statistics into one
 * OutcomeCollector, label counts into one table, mechanism statistics (cells, sequences, confusion,
 * id hashes) into one MechanismSums, and the task table checked shard against shard.
 * Every sum is of integers, so the result is exact and independent of the shard order.
 */
import { createHash } from 'node:crypto';
import type { TaskRow } from '../../../analyses/episode';
import { OutcomeCollector } from '../../../analyses/passkt/outcomes';
import { LabelCounts } from '../../../analyses/shard/label-counts';
import { MechanismSums } from '../../../analyses/shard/mechanism-sums';
import { taskTableError, type ShardHeader } from './merge-checks';
import { readStatsBody } from '../../tables/stats/read';
import { cellOf, pairStatsOf, taskRowOf } from '../../tables/stats/lines';

/** A shard to sum: its header and its file. */
export interface ShardFile extends ShardHeader {
  path: string;
}

/** The sum of every shard. */
export interface ShardSum {
  tasks: TaskRow[];
  collector: OutcomeCollector;
  labels: LabelCounts;
  mechanism: MechanismSums;
}

/**
 * Reads every shard's body. A task table read from a tasks file must be identical in every shard
 * (compared by hash); tasks derived from the trajectories are united, and must agree where shards share one.
 */
export async function sumShards(ordered: readonly ShardFile[]): Promise<ShardSum> {
  const collector = new OutcomeCollector();
  const labels = new LabelCounts();
  const mechanism = new MechanismSums();
  const derived = ordered[0]?.header.shared.tasks.derived ?? false;
  const tasks = new Map<string, { row: TaskRow; text: string; shard: ShardFile }>();
  let firstDigest: string | undefined;
  let firstCount = 0;
  for (const shard of ordered) {
    const digest = createHash('sha256');
    let taskCount = 0;
    for await (const line of readStatsBody(shard.path, shard.origin)) {
      switch (line.kind) {
        case 'task': {
          const row = taskRowOf(line);
          const text = JSON.stringify(row);
          digest.update(`${text}\n`);
          taskCount += 1;
          const known = tasks.get(row.task);
          if (known && derived && known.text !== text) throw taskTableError(shard, known.shard, `task "${row.task}" is derived as ${text} here and as ${known.text} there`);
          if (!known && (derived || shard === ordered[0])) tasks.set(row.task, { row, text, shard });
          break;
        }
        case 'outcome':
          collector.addStats(pairStatsOf(line));
          break;
        case 'label':
          labels.add(line, line.episodes, line.successes);
          break;
        case 'truth':
          labels.addTruth(line, line.episodes);
          break;
        case 'cell':
          mechanism.addCell(cellOf(line));
          break;
        case 'sequences':
          for (const [hash, episodes] of line.counts) mechanism.addSequence(line, hash, episodes);
          break;
        case 'confusion':
          mechanism.addConfusion(line);
          break;
        case 'ids':
          mechanism.addIds(line.hashes.match(/.{16}/g) ?? []);
          break;
      }
    }
    const hex = digest.digest('hex');
    if (shard === ordered[0]) {
      firstDigest = hex;
      firstCount = taskCount;
    } else if (!derived && hex !== firstDigest) {
      throw taskTableError(shard, ordered[0]!, `${taskCount} vs ${firstCount} tasks, and the rows differ`);
    }
  }
  return { tasks: [...tasks.values()].map((entry) => entry.row), collector, labels, mechanism };
}
