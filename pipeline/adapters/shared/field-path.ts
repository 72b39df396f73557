/**
 * Field paths into JSON records, as users write them in adapter options: `info.task.instruction`,
 * `messages[0].content`; several alternatives separated by commas are tried in order
 * (`task_id,example_id,id`), and `a+b` joins two arrays (`prompt+completion`).
 */
import { ConfigError } from '../../errors';

/** One step of a field path: an object key or an array index. */
export type PathKey = string | number;

/** Parses `a.b[0].c` into its keys; a ConfigError for an empty or malformed path. */
export function parseFieldPath(path: string): PathKey[] {
  const keys: PathKey[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]/g;
  let consumed = 0;
  for (const match of path.matchAll(pattern)) {
    const between = path.slice(consumed, match.index);
    // A name follows a dot (except the first); an index follows directly.
    const expected = match[2] !== undefined || keys.length === 0 ? '' : '.';
    if (between !== expected) break;
    keys.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
    consumed = match.index + match[0].length;
  }
  if (keys.length === 0 || consumed !== path.length) {
    throw new ConfigError(`"${path}" is not a field path.`, 'Write field paths like info.task.instruction or messages[0].content.');
  }
  return keys;
}

/** The value at a field path, or undefined when any step is missing. */
export function getField(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const key of parseFieldPath(path)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  return value;
}

/** The comma-separated alternatives of an option value, trimmed, empty ones dropped. */
export function alternatives(spec: string): string[] {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The first alternative whose value is present (not undefined or null), with the path that matched. */
export function firstField(record: unknown, spec: string): { path: string; value: unknown } | undefined {
  for (const path of alternatives(spec)) {
    const value = getField(record, path);
    if (value !== undefined && value !== null) return { path, value };
  }
  return undefined;
}

/**
 * The first alternative that is an array; an alternative `a+b` is the concatenation of the arrays at
 * `a` and `b` and matches only when every part is an array.
 */
export function firstArray(record: unknown, spec: string): { path: string; value: unknown[] } | undefined {
  for (const path of alternatives(spec)) {
    const parts = path.split('+').map((part) => getField(record, part.trim()));
    if (parts.every(Array.isArray)) return { path, value: (parts as unknown[][]).flat() };
  }
  return undefined;
}
