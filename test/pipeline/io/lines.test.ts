import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../../pipeline/io/lines';
import { InputFileError } from '../../../pipeline/errors';

const dir = mkdtempSync(join(tmpdir(), 'lines-'));
const file = (name: string, data: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};
const collect = async (path: string, maxLineBytes?: number) => {
  const out = [];
  for await (const line of readLines(path, maxLineBytes ? { maxLineBytes } : {})) out.push(line);
  return out;
};

describe('readLines', () => {
  it('strips a BOM and CR, keeps a last line without newline, numbers lines', async () => {
    const lines = await collect(file('a.jsonl', '\uFEFF{"a":1}\r\n\r\n{"b":2}'));
    expect(lines.map((l) => [l.line, l.text])).toEqual([[1, '{"a":1}'], [2, ''], [3, '{"b":2}']]);
  });
  it('yields nothing for an empty file', async () => {
    expect(await collect(file('empty.jsonl', ''))).toEqual([]);
  });
  it('reads gzip by its magic bytes, whatever the extension', async () => {
    const lines = await collect(file('z.jsonl', gzipSync('x\ny\n')));
    expect(lines.map((l) => l.text)).toEqual(['x', 'y']);
  });
  it('reports lines over the limit without holding them, and goes on', async () => {
    const long = 'x'.repeat(5000);
    const lines = await collect(file('long.jsonl', `ok\n${long}\nafter\n${long}`), 1000);
    expect(lines.map((l) => [l.line, l.tooLong, l.text])).toEqual([[1, false, 'ok'], [2, true, ''], [3, false, 'after'], [4, true, '']]);
    expect(lines[1]!.bytes).toBe(5000);
  });
  it('splits lines across chunk boundaries (multi-MB file)', async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => JSON.stringify({ i, pad: 'y'.repeat(i % 300) }));
    const lines = await collect(file('big.jsonl', rows.join('\n') + '\n'));
    expect(lines.length).toBe(20000);
    expect(lines.every((l, i) => l.text === rows[i])).toBe(true);
  });
  it('keeps multi-byte characters intact across chunk boundaries', async () => {
    const text = 'é'.repeat(1 << 20);
    const lines = await collect(file('utf8.jsonl', `${text}\n`));
    expect(lines[0]!.text).toBe(text);
  });
  it('throws a user error naming the file for a damaged gzip', async () => {
    const broken = gzipSync(Buffer.from('a\n'.repeat(100000))).subarray(0, 200);
    await expect(collect(file('broken.jsonl.gz', broken))).rejects.toBeInstanceOf(InputFileError);
  });
});
