/**
 * The checks before shards are summed: one complete set of shards, cut from the same inputs, with the
 * same task table and the same labeler. Each failure is a UserError that names the shards involved.
 */
import { shardSetProblem } from '../../../analyses/shard/shard-set';
import { UserError } from '../../errors';
import type { StatsHeader } from '../../tables/stats/format';

/** A shard's header and the path the user gave for it. */
export interface ShardHeader {
  origin: string;
  header: StatsHeader;
}

const SAME_COMMAND = 'Run every shard with the same command line except --shard i/N (same input files or source options, same --seed, same label options).';

function name(shard: ShardHeader): string {
  const id = shard.header.shard;
  return id ? `shard ${id.index}/${id.count} (${shard.origin})` : shard.origin;
}

/** Refuses merged files, incomplete or inconsistent sets; returns the shards in index order. */
export function checkShardSet<T extends ShardHeader>(shards: readonly T[]): T[] {
  const merged = shards.find((shard) => shard.header.shard === null);
  if (merged) {
    throw new UserError(`cannot merge ${merged.origin}: it holds statistics that are already merged.`, 'Merge the shard runs themselves (the runs made with --shard i/N).');
  }
  const problem = shardSetProblem(shards.map((shard) => ({ ...shard.header.shard!, origin: shard.origin })));
  if (problem) throw new UserError(`cannot merge: ${problem}.`, 'Pass each run of one set exactly once: the runs made with --shard 0/N, 1/N, … N-1/N.');
  return [...shards].sort((a, b) => a.header.shard!.index - b.header.shard!.index);
}

/** Refuses shards that read different inputs, task files or source rejects, or were labeled differently. */
export function checkSameRun(ordered: readonly ShardHeader[]): void {
  const first = ordered[0]!;
  for (const shard of ordered.slice(1)) {
    const differs = (part: string) => new UserError(`cannot merge: ${name(shard)} and ${name(first)} ${part}.`, SAME_COMMAND);
    const a = first.header;
    const b = shard.header;
    if (JSON.stringify(a.inputs.files) !== JSON.stringify(b.inputs.files)) throw differs('read different input files (their sha256 differ)');
    if (JSON.stringify(a.inputs.source) !== JSON.stringify(b.inputs.source)) throw differs('come from different source stages (stage, seed, parameters or input files differ)');
    if (a.inputs.max_line_bytes !== b.inputs.max_line_bytes) throw differs('used different --max-line-bytes limits');
    if (a.inputs.max_depth !== b.inputs.max_depth) throw differs('used different --max-depth limits');
    if (a.inputs.lenient_utf8 !== b.inputs.lenient_utf8) throw differs('differ in --lenient-utf8 (one rejects invalid UTF-8, the other accepts it)');
    if (a.shared.tasks.derived !== b.shared.tasks.derived) throw differs('have different task tables (one read a tasks file, the other derived its tasks from the trajectories)');
    const taskCounts = (header: StatsHeader) => JSON.stringify([header.shared.tasks.read, header.shared.tasks.rejected, header.shared.task_reject_reasons, header.shared.tasks.derived ? 0 : header.shared.tasks.accepted]);
    if (taskCounts(a) !== taskCounts(b)) throw differs('have different task tables (tasks read, accepted or rejected differ)');
    if (a.shared.rejected_by_source !== b.shared.rejected_by_source || JSON.stringify(a.shared.source_reject_reasons) !== JSON.stringify(b.shared.source_reject_reasons)) {
      throw differs('have different rejects from the source stage');
    }
    if ((a.label === null) !== (b.label === null)) {
      const [withLabels, without] = a.label ? [first, shard] : [shard, first];
      throw new UserError(`cannot merge: ${name(withLabels)} ran the label stage and ${name(without)} did not.`, 'Re-run the shards that lack labels (without --skip label), or every shard with --skip label.');
    }
    if (JSON.stringify(a.label) !== JSON.stringify(b.label)) throw differs(`were labeled differently (${JSON.stringify(a.label)} vs ${JSON.stringify(b.label)})`);
  }
}

/** The shards whose code version differs from the first shard's (a warning, not a refusal). */
export function codeVersionMismatches(ordered: readonly ShardHeader[]): string[] {
  const first = ordered[0]!.header.code_version;
  return ordered.filter((shard) => shard.header.code_version !== first).map(name);
}

/** The error for a task-table mismatch found while reading the task lines. */
export function taskTableError(shard: ShardHeader, first: ShardHeader, detail: string): UserError {
  return new UserError(`cannot merge: ${name(shard)} and ${name(first)} have different task tables (${detail}).`, SAME_COMMAND);
}

/** The refusal of shards that accepted the same episode id (an unsharded run would reject all but the first). */
export function duplicateIdsError(duplicates: number, shards: number): UserError {
  return new UserError(
    `cannot merge: ${duplicates} episode id${duplicates === 1 ? ' was' : 's were'} accepted by more than one of the ${shards} shards (compared by 64-bit hashes); one unsharded run would reject every repeat as a duplicate id, so the merged counts would differ.`,
    'Give every episode a unique id (or unique policy/task/budget/sample), or remove the repeated records, and run the shards again.',
  );
}
