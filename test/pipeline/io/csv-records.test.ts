import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../../pipeline/io/csv';
import { csvObjects, csvRecords } from '../../../pipeline/io/csv-records';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function* chunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

const rows = [
  { id: 'a', sequence: 'who, what || "quoted" || line\nbreak', n: 1 },
  { id: 'b', sequence: '', n: 2 },
  { id: 'c"d', sequence: '<script>alert(1)</script>', n: 3 },
  { id: 'e', sequence: 'crlf\r\nline', n: 4 },
];
const text = formatCsv(['id', 'sequence', 'n'], rows);

describe('streaming CSV records', () => {
  it('agrees with the whole-file parser for every chunk size', async () => {
    const expected = parseCsv(text);
    for (let size = 1; size <= text.length; size++) {
      expect(await collect(csvObjects(chunks(text, size)))).toEqual(expected);
    }
  });

  it('reads the values written by the CSV writer back exactly', async () => {
    const parsed = await collect(csvObjects(chunks(text, 7)));
    expect(parsed.map((r) => r.sequence)).toEqual(rows.map((r) => r.sequence));
    expect(parsed.map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it('handles CRLF line ends, a BOM, a missing final newline and blank lines', async () => {
    const input = '\uFEFFa,b\r\n1,2\r\n\r\n3,"x,y"';
    expect(await collect(csvObjects(chunks(input, 2)))).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: 'x,y' },
    ]);
    expect(await collect(csvRecords(chunks('x\n"",""\n', 3)))).toEqual([['x'], ['', '']]);
  });
});
