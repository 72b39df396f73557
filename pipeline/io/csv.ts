/** CSV writing and reading (RFC 4180 quoting), used for every tabular output. */

/** Formats one CSV cell: numbers at full precision, null/undefined as empty, quoted when needed. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isNaN(value) ? 'NaN' : String(value)) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Formats a header and rows as CSV text with exactly the given columns. */
export function formatCsv(columns: readonly string[], rows: Iterable<Record<string, unknown>>): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column])).join(','));
  return `${lines.join('\n')}\n`;
}

/** Parses CSV text (with a header row) into objects of strings. */
export function parseCsv(text: string): Record<string, string>[] {
  const records = parseRecords(text);
  const header = records.shift();
  if (!header) return [];
  return records
    .filter((cells) => !(cells.length === 1 && cells[0] === ''))
    .map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

// Cells are cut out of the text as slices of runs of plain characters (appending character by character
// built ropes that took gigabytes on 200,000-character cells).
function parseRecords(text: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let run = -1; // start of a run of literal characters of the current cell, or -1
  const flush = (end: number) => {
    if (run >= 0) cell += text.slice(run, end);
    run = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        flush(i);
        cell += '"';
        i++;
      } else if (ch === '"') {
        flush(i);
        quoted = false;
      } else if (run < 0) run = i;
    } else if (ch === '"') {
      flush(i);
      quoted = true;
    } else if (ch === ',') {
      flush(i);
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      flush(i);
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      records.push(cells);
      cells = [];
      cell = '';
    } else if (run < 0) run = i;
  }
  flush(text.length);
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push(cells);
  }
  return records;
}
