import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../../pipeline/io/csv';
import { openCsvWriter } from '../../../pipeline/io/csv-writer';
import { tempDir } from '../../helpers/run-stages';

describe('openCsvWriter', () => {
  it('writes the bytes formatCsv gives for the same rows, quoting included', async () => {
    const dir = tempDir('csv-writer-');
    const columns = ['id', 'text', 'n'];
    const rows = [
      { id: 'a', text: 'plain', n: 1 },
      { id: 'b', text: 'with, comma and "quotes"', n: null },
      { id: 'c', text: 'line\nbreak', n: Number.NaN },
    ];
    const writer = openCsvWriter(join(dir, 'out.csv'), columns);
    for (const row of rows) await writer.write(row);
    await writer.close();
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe(formatCsv(columns, rows));
  });

  it('writes the header alone when no row comes', async () => {
    const dir = tempDir('csv-writer-empty-');
    const writer = openCsvWriter(join(dir, 'empty.csv'), ['a', 'b']);
    await writer.close();
    expect(readFileSync(join(dir, 'empty.csv'), 'utf8')).toBe(formatCsv(['a', 'b'], []));
  });
});
