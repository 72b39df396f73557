/**
 * A streaming CSV (RFC 4180) record parser over text chunks: quoted cells may hold commas, quotes and
 * newlines and may span chunk boundaries. Used for per-episode tables that can hold a million rows.
 */

/**
 * A cell as its own string: runs of plain characters are copied out of the chunk as slices (appending
 * character by character built ropes that took gigabytes on 200,000-character cells), and a slice long
 * enough to be a view into the chunk is copied once, so a row kept by a reader does not keep its whole
 * 1 MiB chunk alive.
 */
function own(cell: string): string {
  return cell.length < 13 ? cell : (' ' + cell).slice(1);
}

/** Yields each record of the CSV text as an array of cells (the header row included). */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteSeen = false; // a quote inside a quoted cell: either an escaped quote or the closing one
  let pendingCR = false;
  let any = false;
  for await (const chunk of chunks) {
    let run = -1; // start of a run of literal characters of the current cell in this chunk, or -1
    const flush = (end: number) => {
      if (run >= 0) cell += chunk.slice(run, end);
      run = -1;
    };
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (ch === '"') {
            cell += '"';
            continue;
          }
          quoted = false; // that quote closed the cell; fall through to handle ch unquoted
        } else if (ch === '"') {
          flush(i);
          quoteSeen = true;
          continue;
        } else {
          if (run < 0) run = i;
          continue;
        }
      }
      any = true;
      if (ch === '"' || ch === ',' || ch === '\n' || ch === '\r') flush(i);
      if (ch === '"' && cell === '') quoted = true;
      else if (ch === ',') {
        cells.push(own(cell));
        cell = '';
      } else if (ch === '\n' || ch === '\r') {
        pendingCR = ch === '\r';
        cells.push(own(cell));
        yield cells;
        cells = [];
        cell = '';
        any = false;
      } else if (run < 0) run = i;
    }
    flush(chunk.length);
  }
  if (any || cell !== '' || cells.length > 0 || quoted) {
    cells.push(own(cell));
    yield cells;
  }
}

/** Yields each data row as an object keyed by the header's column names (blank lines skipped). */
export async function* csvObjects(chunks: AsyncIterable<string>): AsyncGenerator<Record<string, string>> {
  let header: string[] | null = null;
  for await (const cells of csvRecords(chunks)) {
    if (header === null) {
      header = cells.map((name, index) => (index === 0 ? name.replace(/^\uFEFF/, '') : name));
      continue;
    }
    if (cells.length === 1 && cells[0] === '') continue;
    const row: Record<string, string> = {};
    header.forEach((name, index) => {
      row[name] = cells[index] ?? '';
    });
    yield row;
  }
}
