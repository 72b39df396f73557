import type { z } from 'zod';
import type { SourceLine } from '../../io/lines';
import { describeZodError } from '../../formats/zod-reason';

/** A parsed and validated record, or why it is not one. */
export type ParsedRecord<T> = { ok: true; value: T } | { ok: false; category: string; reason: string };

/** Parses one JSONL line and validates it against a schema, with a readable reason on failure. */
export function parseRecord<T>(line: SourceLine, schema: z.ZodType<T>, maxLineBytes: number): ParsedRecord<T> {
  if (line.tooLong) {
    return { ok: false, category: 'line too long', reason: `line of ${line.bytes} bytes exceeds the limit of ${maxLineBytes} bytes` };
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
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { ok: false, ...describeZodError(parsed.error) };
  return { ok: true, value: parsed.data };
}
