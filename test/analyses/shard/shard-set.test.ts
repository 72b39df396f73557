import { describe, expect, it } from 'vitest';
import { addReasons, addRecordCounts, emptyRecordCounts } from '../../../analyses/shard/counts';
import { shardSetProblem } from '../../../analyses/shard/shard-set';

const shard = (index: number, count: number, origin = `run-${index}`) => ({ index, count, origin });

describe('shardSetProblem', () => {
  it('accepts one complete set in any order', () => {
    expect(shardSetProblem([shard(2, 3), shard(0, 3), shard(1, 3)])).toBeNull();
    expect(shardSetProblem([shard(0, 1)])).toBeNull();
  });

  it('names what is wrong: no shards, mixed counts, a repeated index, missing indices', () => {
    expect(shardSetProblem([])).toBe('no shards given');
    expect(shardSetProblem([shard(0, 2), shard(1, 3), shard(0, 3, 'x')])).toBe('the shards were cut with different shard counts: 2 (run-0) vs 3 (run-1, x)');
    expect(shardSetProblem([shard(0, 2, 'a'), shard(0, 2, 'b'), shard(1, 2)])).toBe('shard 0/2 is given 2 times (a, b)');
    expect(shardSetProblem([shard(1, 3)])).toBe('shards 0/3, 2/3 are missing');
    expect(shardSetProblem([shard(0, 2)])).toBe('shard 1/2 is missing');
    expect(shardSetProblem([shard(0, 40)])).toBe('shards 1/40, 2/40, 3/40, 4/40, 5/40, 6/40, 7/40, 8/40, 9/40, 10/40, … (39 in all) are missing');
  });
});

describe('record counts', () => {
  it('add field by field and reason by reason, reasons sorted as ingest writes them', () => {
    const a = { read: 5, accepted: 3, rejected: 2, matched_by_question: 1, reject_reasons: { 'unknown task': 1, 'JSON syntax error': 1 } };
    const b = { read: 4, accepted: 4, rejected: 0, matched_by_question: 0, reject_reasons: {} };
    const sum = addRecordCounts(addRecordCounts(emptyRecordCounts(), a), b);
    expect(sum).toEqual({ read: 9, accepted: 7, rejected: 2, matched_by_question: 1, reject_reasons: { 'JSON syntax error': 1, 'unknown task': 1 } });
    expect(Object.keys(addReasons({ b: 1, A: 2 }, { a: 3, b: 1 }))).toEqual(['A', 'a', 'b']); // code-unit order, the same on every machine
    expect(addReasons({ b: 1, A: 2 }, { a: 3, b: 1 })).toEqual({ a: 3, A: 2, b: 2 });
  });
});
