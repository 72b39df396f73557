import { invalidUtf8Reason } from '../../io/utf8';
import type { z } from 'zod';
import { nestingProblem, type FreeFormFields } from '../../formats/nesting';
import type { SourceLine } from '../../io/lines';
import { describeZodError } from '../../formats/zod-reason';

/** A parsed and validated record, or why it is not one. */
export type ParsedRecord<T> = { ok: true; value: T } | { ok: false; category: string; reason: string };

/** What ingest accepts of one line: its size, its encoding and its nesting. */
export interface RecordLimits {
  /** `--max-line-bytes`: longer lines are rejected unread. */
  maxLineBytes: number;
  /** The longest line this process can parse (heap and string limits); lines above it are rejected unread too. */
  parseableBytes: number;
  /** `--max-depth`: deeper records are rejected. */
  maxDepth: number;
  /** `--lenient-utf8`: accept invalid UTF-8 (replaced by U+FFFD, counted) instead of rejecting it. */
  lenientUtf8: boolean;
}

/** The line length readLines should enforce: the smaller of the user's limit and what this process can parse. */
export function lineLimit(limits: RecordLimits): number {
  return Math.min(limits.maxLineBytes, limits.parseableBytes);
}

/**
 * Parses one JSONL line and validates it against a schema, with a readable reason on failure. `fast`,
 * when given, is a hand-written check of the common valid record (the schema's value, or undefined when
 * unsure): the schema then runs only on the records it does not accept, so every reject is the schema's.
 */
export function parseRecord<T extends FreeFormFields>(line: SourceLine, schema: z.ZodType<T>, limits: RecordLimits, fast?: (data: unknown) => T | undefined): ParsedRecord<T> {
  if (line.tooLong) return { ok: false, category: 'line too long', reason: tooLongReason(line.bytes, limits) };
  if (line.invalidUtf8At !== undefined && !limits.lenientUtf8) {
    return {
      ok: false,
      category: 'invalid UTF-8',
      reason: invalidUtf8Reason(line.invalidUtf8At, 'line'),
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(line.text);
  } catch (error) {
    const snippet = line.text.length > 60 ? `${line.text.slice(0, 60)}…` : line.text;
    return { ok: false, category: 'JSON syntax error', reason: `JSON syntax error: ${(error as Error).message} in ${JSON.stringify(snippet)}` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, category: 'not an object', reason: `a record must be a JSON object, got ${Array.isArray(data) ? 'an array' : typeof data === 'object' ? 'null' : typeof data}` };
  }
  let value = fast?.(data);
  if (value === undefined) {
    const parsed = schema.safeParse(data);
    if (!parsed.success) return { ok: false, ...describeZodError(parsed.error) };
    value = parsed.data;
  }
  const deep = nestingProblem(value, limits.maxDepth);
  if (deep) return { ok: false, category: 'nesting too deep', reason: `${deep} (the limit is --max-depth ${limits.maxDepth})` };
  return { ok: true, value };
}

function tooLongReason(bytes: number, limits: RecordLimits): string {
  if (bytes > limits.maxLineBytes) return `line of ${bytes} bytes exceeds the limit of ${limits.maxLineBytes} bytes (--max-line-bytes)`;
  return (
    `line of ${bytes} bytes is longer than this process can parse (${limits.parseableBytes} bytes: the string limit and an eighth of the heap); ` +
    'raise the heap with NODE_OPTIONS=--max-old-space-size=<MB>, or split the record'
  );
}
