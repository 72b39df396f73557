import { isUtf8 } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../analyses/random/rng';
import { readLines } from '../../../pipeline/io/lines';
import { firstInvalidUtf8 } from '../../../pipeline/io/utf8';
import { tempDir } from '../../helpers/run-stages';

describe('firstInvalidUtf8', () => {
  it('agrees with the native validator on random bytes, and the prefix before the offset is valid', () => {
    const rng = createRng(7);
    // Bytes drawn mostly from the ranges where UTF-8 is subtle (lead and continuation bytes).
    const pool = [0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    for (let trial = 0; trial < 20_000; trial += 1) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(rng.next() * 8) }, () => pool[Math.floor(rng.next() * pool.length)]!));
      const offset = firstInvalidUtf8(bytes);
      expect(offset === -1, bytes.toString('hex')).toBe(isUtf8(bytes));
      if (offset >= 0) {
        expect(isUtf8(bytes.subarray(0, offset)), bytes.toString('hex')).toBe(true);
        expect(isUtf8(bytes.subarray(0, offset + 4).subarray(0, bytes.length)), bytes.toString('hex')).toBe(false);
      }
    }
  });

  it('finds overlong forms, surrogates, code points above U+10FFFF and truncated sequences', () => {
    expect(firstInvalidUtf8(Buffer.from('aé✓𝄞'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x9c]))).toBe(1);
  });

  it('readLines marks a bad line with the offset within the line (a BOM counted), valid lines carry no mark', async () => {
    const path = join(tempDir('utf8-'), 'a.jsonl');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ab'), Buffer.from([0xff]), Buffer.from('\nok\n')]));
    const lines = [];
    for await (const line of readLines(path)) lines.push(line);
    expect(lines[0]).toMatchObject({ line: 1, text: 'ab\uFFFD', invalidUtf8At: 5 });
    expect(lines[1]).toEqual({ line: 2, text: 'ok', tooLong: false, bytes: 2 });
  });
});
