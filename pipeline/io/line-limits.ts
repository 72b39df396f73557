import { constants } from 'node:buffer';
import { getHeapStatistics } from 'node:v8';

// Parsing a JSON line takes several times its size in heap (the string, the parsed objects, the
// validated copy, the serialized outputs): measured about 8 × for a 100 MB line.
const HEAP_PER_LINE_BYTE = 8;

/**
 * The longest line this process can decode and parse without running out of memory: below V8's
 * string length limit and an eighth of the heap limit (about 518 MB with the default 4 GB heap).
 * Longer lines are rejected before they are decoded, whatever `--max-line-bytes` says.
 */
export function parseableLineBytes(): number {
  return Math.min(constants.MAX_STRING_LENGTH, Math.floor(getHeapStatistics().heap_size_limit / HEAP_PER_LINE_BYTE));
}
