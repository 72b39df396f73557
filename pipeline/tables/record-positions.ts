/**
 * `positions.jsonl` (ingest, shard runs only): for each accepted episode, in the order of
 * `episodes.jsonl`, the ordinal of its record in the whole input (over all trajectory files, blank lines
 * not counted). A merge orders the shards' episodes by it exactly as one unsharded run would see them.
 */
import { defineJsonlFile } from './json-file';

/** The declaration of `positions.jsonl`: one non-negative integer per line. */
export const recordPositionsFile = defineJsonlFile<number>('positions.jsonl', (value) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? null : 'not a record position (a non-negative integer)',
);
