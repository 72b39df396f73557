/**
 * Typed rows of a declared output table from a few cell texts, for tests: every other column takes a
 * blank cell (or 0 where its codec needs a number), and the row is read through the declaration, so a
 * test row is exactly what a reader of the real file gets.
 */
import type { CsvTable } from '../../pipeline/tables/csv-table';

/** A row of `table` with the given cells (as written in the CSV) and defaults elsewhere. */
export function tableRow<R>(table: CsvTable<R>, cells: Record<string, string | number | boolean | null>): R {
  const record: Record<string, string> = {};
  for (const column of table.columns) {
    const given = cells[column];
    if (given !== undefined) record[column] = given === null ? '' : String(given);
    else {
      try {
        table.codecs[column].read('', column);
        record[column] = '';
      } catch {
        record[column] = '0';
      }
    }
  }
  const unknown = Object.keys(cells).filter((column) => !(table.columns as readonly string[]).includes(column));
  if (unknown.length > 0) throw new Error(`${table.file} has no column ${unknown.join(', ')}`);
  return table.parse(record);
}
