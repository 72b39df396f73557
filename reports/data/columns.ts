/**
 * Cell parsers for upstream CSV outputs. They are strict: a malformed cell is an error naming the
 * file, row and column, because a figure drawn from a misread number is worse than no figure.
 */
import type { Budget } from './tables';

/** A CSV cell that could not be read as the type its column needs. */
export class CellError extends Error {
  override name = 'CellError';
}

/** Reads a column from a record, failing with the column name when it is absent. */
function cell(record: Record<string, string>, column: string): string {
  const value = record[column];
  if (value === undefined) throw new CellError(`column "${column}" is missing`);
  return value;
}

/** A non-empty string cell. */
export function text(record: Record<string, string>, column: string): string {
  return cell(record, column);
}

/** A finite number cell. */
export function num(record: Record<string, string>, column: string): number {
  const raw = cell(record, column).trim();
  const value = Number(raw);
  if (raw === '' || !Number.isFinite(value)) throw new CellError(`column "${column}" holds "${raw}", not a number`);
  return value;
}

/** A number cell that may be empty or NaN (an undefined statistic), read as null. */
export function optionalNum(record: Record<string, string>, column: string): number | null {
  const raw = cell(record, column).trim();
  if (raw === '' || raw === 'NaN' || raw === 'null') return null;
  return num(record, column);
}

/** A number cell of a column that older outputs do not have: null when the column or the value is absent. */
export function optionalColumn(record: Record<string, string>, column: string): number | null {
  return record[column] === undefined ? null : optionalNum(record, column);
}

/** An integer cell. */
export function int(record: Record<string, string>, column: string): number {
  const value = num(record, column);
  if (!Number.isInteger(value)) throw new CellError(`column "${column}" holds ${value}, not an integer`);
  return value;
}

/** A budget cell: a non-negative integer T, or `all` (also written empty: an uncapped episode). */
export function budget(record: Record<string, string>, column = 'budget'): Budget {
  const raw = cell(record, column).trim();
  if (raw === 'all' || raw === '') return 'all';
  const value = int(record, column);
  if (value < 0) throw new CellError(`column "${column}" holds ${value}, not a budget ≥ 0`);
  return value;
}

/** Parses every record with a row reader; the first bad row fails with its 1-based data row number. */
export function parseRows<T>(file: string, records: readonly Record<string, string>[], read: (record: Record<string, string>) => T): T[] {
  return records.map((record, index) => {
    try {
      return read(record);
    } catch (error) {
      if (error instanceof CellError) throw new CellError(`${file}, data row ${index + 1}: ${error.message}`);
      throw error;
    }
  });
}
