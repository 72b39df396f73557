/**
 * Records of a JSON source, whichever way it is stored: JSONL is streamed line by line (one record
 * per line, located by line number); a whole JSON document is read within the size limit and split
 * into records by the adapter's `entries` function (located by index or key).
 */
import { extname } from 'node:path';
import { readLines } from '../../io/lines';
import type { RecordLocation } from '../types';
import { invalidUtf8Reason } from '../../io/utf8';
import { readJsonFile } from './json-file';

/** One record, or the reason its text could not be parsed. */
export type SourceRecord = { location: RecordLocation; value: unknown; error?: undefined } | { location: RecordLocation; error: string };

/** How a JSON source is stored. */
export type JsonLayout = 'jsonl' | 'json';

/** Splits a whole JSON document into located records, or returns why the document has the wrong shape. */
export type EntriesOf = (root: unknown) => Iterable<[RecordLocation, unknown]> | string;

const JSONL_EXTENSIONS = new Set(['.jsonl', '.ndjson']);

/**
 * The layout of a JSON source: by extension (`.jsonl`/`.ndjson` vs `.json`, also under `.gz`), else
 * JSONL when its first non-empty line is a complete JSON value and another non-empty line follows.
 */
export async function jsonLayout(path: string): Promise<JsonLayout> {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  const extension = extname(name);
  if (JSONL_EXTENSIONS.has(extension)) return 'jsonl';
  if (extension === '.json') return 'json';
  let first: string | undefined;
  for await (const line of readLines(path, { maxLineBytes: 16 * 1024 * 1024 })) {
    if (line.tooLong) return 'json';
    if (line.text.trim() === '') continue;
    if (first !== undefined) return 'jsonl';
    first = line.text;
    try {
      JSON.parse(first);
    } catch {
      return 'json';
    }
  }
  return 'json';
}

/**
 * Streams the records of a JSONL file; blank lines are skipped, unparseable lines become errors, and so
 * do lines with invalid UTF-8 unless `lenientUtf8` (then read with U+FFFD in place of the bad bytes).
 */
export async function* readJsonlRecords(path: string, lenientUtf8: boolean): AsyncGenerator<SourceRecord> {
  for await (const line of readLines(path)) {
    if (line.tooLong) {
      yield { location: line.line, error: `line is ${line.bytes} bytes, longer than the line limit` };
      continue;
    }
    if (line.invalidUtf8At !== undefined && !lenientUtf8) {
      yield { location: line.line, error: invalidUtf8Reason(line.invalidUtf8At, 'line') };
      continue;
    }
    if (line.text.trim() === '') continue;
    try {
      yield { location: line.line, value: JSON.parse(line.text) };
    } catch (error) {
      yield { location: line.line, error: `not valid JSON (${(error as Error).message})` };
    }
  }
}

/**
 * The records of a JSON source in either layout. For a whole document whose shape `entries`
 * refuses, a single error located at `(file)` is yielded.
 */
export async function* readRecords(path: string, limits: { maxJsonBytes: number; lenientUtf8: boolean }, entries: EntriesOf): AsyncGenerator<SourceRecord> {
  if ((await jsonLayout(path)) === 'jsonl') {
    yield* readJsonlRecords(path, limits.lenientUtf8);
    return;
  }
  const root = await readJsonFile(path, limits.maxJsonBytes, limits.lenientUtf8);
  const split = entries(root);
  if (typeof split === 'string') {
    yield { location: '(file)', error: split };
    return;
  }
  for (const [location, value] of split) yield { location, value };
}

/** Entries of an array root (`[i]`) or, for a single object, the object itself as record `(root)`. */
export function arrayOrSingle(root: unknown): Iterable<[RecordLocation, unknown]> | string {
  if (Array.isArray(root)) return root.map((value, index): [RecordLocation, unknown] => [`[${index}]`, value]);
  if (root !== null && typeof root === 'object') return [['(root)', root]];
  return 'the document is neither an array of records nor a record object';
}
