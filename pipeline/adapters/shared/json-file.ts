/**
 * Reads a source that is one whole JSON document (tau-bench's array, FireAct's keyed object, an
 * Inspect log), refusing files above a size limit with a message that says how to convert them,
 * because a multi-gigabyte document cannot be parsed without holding all of it.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { InputFileError, UserError } from '../../errors';
import { isUtf8 } from 'node:buffer';
import { isGzipFile } from '../../io/lines';
import { firstInvalidUtf8, invalidUtf8Reason } from '../../io/utf8';
import { isZipFile } from './file-head';

/** Default limit for whole-file JSON sources (bytes after decompression). */
export const DEFAULT_MAX_JSON_BYTES = 256 * 1024 * 1024;

/** The UserError for a whole-file JSON source above the limit. */
export function tooBigError(path: string, bytes: number, maxBytes: number): UserError {
  const mb = (value: number) => `${(value / 1024 / 1024).toFixed(1)} MB`;
  return new UserError(
    `${path} is ${mb(bytes)}${bytes > maxBytes ? '' : '+'} of JSON, above the ${mb(maxBytes)} limit for sources read as one whole document.`,
    [
      'Convert it to JSONL (one record per line), which is streamed at any size, and import that instead:',
      `  an array:          jq -c '.[]' ${basename(path)} > records.jsonl`,
      `  an object by key:  jq -c 'to_entries[] | .value + {_key: .key}' ${basename(path)} > records.jsonl`,
      `  an Inspect log:    jq -c '.samples[]' ${basename(path)} > samples.jsonl`,
      'or raise the limit with --max-json-mb <n> if the machine has the memory.',
    ].join('\n'),
  );
}

/** A whole file's text; `invalidUtf8At` is the byte offset of its first invalid UTF-8 (the text then holds U+FFFD there). */
interface WholeText {
  text: string;
  invalidUtf8At?: number;
}

/** Thrown for a whole file with invalid UTF-8 when it is not read leniently: a reject of the file, not a failed run. */
export class InvalidUtf8FileError extends Error {
  override name = 'InvalidUtf8FileError';
}

/**
 * Reads a whole text file (gzip detected by its magic bytes) within the size limit. Invalid UTF-8 is an
 * InvalidUtf8FileError unless `lenientUtf8`, which reads it with U+FFFD in place of the bad bytes.
 */
export async function readWholeText(path: string, maxBytes: number, lenientUtf8: boolean): Promise<string> {
  const { text, invalidUtf8At } = await readWholeBytes(path, maxBytes);
  if (invalidUtf8At !== undefined && !lenientUtf8) throw new InvalidUtf8FileError(invalidUtf8Reason(invalidUtf8At, 'file'));
  return text;
}

async function readWholeBytes(path: string, maxBytes: number): Promise<WholeText> {
  if (await isZipFile(path)) {
    throw new InputFileError(
      `${path} is a zip archive, not JSON or text (an Inspect .eval log is a zip).`,
      `Convert it first: inspect log convert ${basename(path)} --to json --output-dir <folder>, then import the .json file.`,
    );
  }
  return (await isGzipFile(path)) ? readGzipText(path, maxBytes) : readPlainText(path, maxBytes);
}

/** Reads and parses a whole JSON file (gzip detected by its magic bytes), within the size limit. */
export async function readJsonFile(path: string, maxBytes: number, lenientUtf8: boolean): Promise<unknown> {
  const text = await readWholeText(path, maxBytes, lenientUtf8);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputFileError(`${path} is not valid JSON: ${describeParseError(error, text)}.`, 'Check that the file is complete (not truncated) and is JSON, not JSONL; a JSONL file should end in .jsonl.');
  }
}

async function readPlainText(path: string, maxBytes: number): Promise<WholeText> {
  const { size } = await stat(path);
  if (size > maxBytes) throw tooBigError(path, size, maxBytes);
  return collect(createReadStream(path), path, maxBytes);
}

async function readGzipText(path: string, maxBytes: number): Promise<WholeText> {
  const raw = createReadStream(path);
  const gunzip = raw.pipe(createGunzip());
  raw.on('error', (error) => gunzip.destroy(error));
  return collect(gunzip, path, maxBytes);
}

// Collects the stream while counting, so a compressed file that inflates past the limit stops early.
async function collect(stream: NodeJS.ReadableStream, path: string, maxBytes: number): Promise<WholeText> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        throw tooBigError(path, bytes, maxBytes);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new InputFileError(`${path} could not be read (${(error as Error).message}).`, 'Check that the file is readable and, if compressed, not truncated.');
  }
  let buffer = Buffer.concat(chunks, bytes);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
  return { text: buffer.toString('utf8'), invalidUtf8At: isUtf8(buffer) ? undefined : firstInvalidUtf8(buffer) };
}

// "Unexpected end of JSON input" says nothing about where; add the line when V8 gives a position.
function describeParseError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return message;
  const offset = Number(position[1]);
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line += 1;
  return `${message} (line ${line})`;
}
