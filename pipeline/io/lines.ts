import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from './utf8';
import { createGunzip } from 'node:zlib';
import { InputFileError } from '../errors';

/** One line of an input file, with its 1-based number. `tooLong` lines carry no text. */
export interface SourceLine {
  line: number;
  text: string;
  /** True when the line exceeded the length limit; its text was discarded without being held. */
  tooLong: boolean;
  /** Length of the line in bytes (before decoding). */
  bytes: number;
  /**
   * Present only when the line is not valid UTF-8: the byte offset (within the line) of the first bad
   * sequence. Its text then holds U+FFFD in place of each bad sequence.
   */
  invalidUtf8At?: number;
}

/** Options for {@link readLines}. */
export interface ReadLinesOptions {
  /** Lines longer than this many bytes are reported as too long instead of being read (default 64 MiB). */
  maxLineBytes?: number;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

/** True when the file starts with the gzip magic bytes (the extension is not trusted). */
export async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/**
 * Streams the lines of a text file (gzip detected by its magic bytes), never holding more than one
 * line in memory. Handles a UTF-8 BOM, CRLF endings, a last line without a newline, and lines over
 * the limit (reported, not read). Empty lines are yielded too, so line numbers match the file.
 */
export async function* readLines(path: string, options: ReadLinesOptions = {}): AsyncGenerator<SourceLine> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const gzip = await isGzipFile(path);
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const source = gzip ? raw.pipe(createGunzip()) : raw;
  if (gzip) raw.on('error', (error) => source.destroy(error));

  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overflow = false;
  let lineNumber = 0;

  const finishLine = (tail: Buffer): SourceLine => {
    lineNumber += 1;
    const bytes = pendingBytes + tail.length;
    if (overflow) {
      pending = [];
      pendingBytes = 0;
      overflow = false;
      return { line: lineNumber, text: '', tooLong: true, bytes };
    }
    let buffer = pending.length === 0 ? tail : Buffer.concat([...pending, tail], bytes);
    pending = [];
    pendingBytes = 0;
    if (lineNumber === 1 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
    let end = buffer.length;
    if (end > 0 && buffer[end - 1] === CARRIAGE_RETURN) end -= 1;
    const content = buffer.subarray(0, end);
    const text = content.toString('utf8');
    // isUtf8 is a native SIMD scan (GB/s); the slow search for the offset runs only on bad lines.
    if (isUtf8(content)) return { line: lineNumber, text, tooLong: false, bytes };
    // The offset counts from the line's first byte, a stripped BOM included.
    return { line: lineNumber, text, tooLong: false, bytes, invalidUtf8At: firstInvalidUtf8(content) + bytes - buffer.length };
  };

  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      let start = 0;
      let index = chunk.indexOf(NEWLINE, start);
      while (index !== -1) {
        const tail = chunk.subarray(start, index);
        if (!overflow && pendingBytes + tail.length > maxLineBytes) overflow = true;
        yield finishLine(tail);
        start = index + 1;
        index = chunk.indexOf(NEWLINE, start);
      }
      if (start < chunk.length) {
        const rest = chunk.subarray(start);
        if (!overflow) {
          if (pendingBytes + rest.length > maxLineBytes) {
            overflow = true;
            pending = [];
          } else pending.push(Buffer.from(rest));
        }
        pendingBytes += rest.length;
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputFileError(
      `${path}: could not be read after line ${lineNumber} (${reason}).`,
      gzip
        ? 'The gzip stream is damaged or truncated: re-compress the file, or pass the uncompressed .jsonl.'
        : 'Check that the file is readable and not being written to.',
    );
  }
  if (pendingBytes > 0 || overflow) yield finishLine(Buffer.alloc(0));
}
