/** The first bytes of a source file, for format detection and for telling JSON from JSONL. */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { isGzipFile } from '../../io/lines';
import type { FileHead } from '../types';

const HEAD_BYTES = 64 * 1024;

/** True when the file starts with the zip magic bytes `PK\x03\x04`. */
export async function isZipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  } finally {
    await handle.close();
  }
}

/** Up to 64 KiB of the file as text (decompressed when gzip), and whether it is a zip archive. */
export async function readFileHead(path: string): Promise<FileHead> {
  if (await isZipFile(path)) return { text: '', zip: true };
  const gzip = await isGzipFile(path);
  const raw = createReadStream(path, { end: gzip ? undefined : HEAD_BYTES - 1 });
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      bytes += chunk.length;
      if (bytes >= HEAD_BYTES) break;
    }
  } catch {
    // A damaged gzip tail does not matter for the head; the reader reports it later.
  } finally {
    raw.destroy();
  }
  let text = Buffer.concat(chunks).subarray(0, HEAD_BYTES).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, zip: false };
}
