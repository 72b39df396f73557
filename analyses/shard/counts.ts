/**
 * Record counts of shards: each shard's own records (read, accepted, rejected, reasons) add up; what
 * every shard reads whole (the task file, a source stage's rejects) is counted once.
 */
import { compareText } from '../stats/compare-text';

/** Counts of the trajectory records one shard processed itself. */
export interface RecordCounts {
  read: number;
  accepted: number;
  rejected: number;
  matched_by_question: number;
  /** Rejected records by category. */
  reject_reasons: Record<string, number>;
}

/** Zero counts. */
export function emptyRecordCounts(): RecordCounts {
  return { read: 0, accepted: 0, rejected: 0, matched_by_question: 0, reject_reasons: {} };
}

/** a + b, category by category. */
export function addRecordCounts(a: RecordCounts, b: RecordCounts): RecordCounts {
  return {
    read: a.read + b.read,
    accepted: a.accepted + b.accepted,
    rejected: a.rejected + b.rejected,
    matched_by_question: a.matched_by_question + b.matched_by_question,
    reject_reasons: addReasons(a.reject_reasons, b.reject_reasons),
  };
}

/** Sums reason counts; the keys come out sorted as ingest writes them (compareText). */
export function addReasons(...tables: Record<string, number>[]): Record<string, number> {
  const sums = new Map<string, number>();
  for (const table of tables) for (const [reason, count] of Object.entries(table)) sums.set(reason, (sums.get(reason) ?? 0) + count);
  return Object.fromEntries([...sums].sort(([a], [b]) => compareText(a, b)));
}
