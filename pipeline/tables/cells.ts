/**
 * Cell codecs: how one column's values are written to CSV text and read back. Reading is strict — a
 * malformed cell is an error naming the column — because a figure drawn from a misread number is worse
 * than no figure.
 */
import { type Budget, parseBudget } from '../../analyses/budget';
import { UserError } from '../errors';

/** A CSV cell that could not be read as the type its column needs (a user error: the file was changed or is from another version). */
export class CellError extends UserError {
  override name = 'CellError';
}

/** How the values of one column are written and read. */
export interface CellCodec<T> {
  /** The cell's text (unquoted: the CSV writer quotes when needed). */
  write(value: T): string;
  /** The value of a cell's text; throws a CellError naming `column` when the text is not one. */
  read(text: string, column: string): T;
}

/** Any text, written as is. */
export const text: CellCodec<string> = {
  write: (value) => value,
  read: (value) => value,
};

/** Text that may be absent: written blank, read back as null. */
export const optionalText: CellCodec<string | null> = {
  write: (value) => value ?? '',
  read: (value) => (value === '' ? null : value),
};

/** One of a fixed set of words. */
export function oneOf<const W extends string>(words: readonly W[]): CellCodec<W> {
  return {
    write: (value) => value,
    read(value, column) {
      if (!(words as readonly string[]).includes(value)) throw new CellError(`column "${column}" holds "${value}", not one of ${words.join(', ')}`);
      return value as W;
    },
  };
}

function parseNumber(raw: string, column: string): number {
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value)) throw new CellError(`column "${column}" holds "${raw}", not a number`);
  return value;
}

/** A number, written at full precision (`String(value)`; NaN as `NaN`), read back as a finite number. */
export const num: CellCodec<number> = {
  write: (value) => String(value),
  read: parseNumber,
};

/** A number that may be undefined (null, NaN or infinite: no resamples, an empty group): written blank. */
export const optionalNum: CellCodec<number | null> = {
  write: (value) => (value === null || !Number.isFinite(value) ? '' : String(value)),
  read: (raw, column) => (raw.trim() === '' || raw === 'NaN' || raw === 'null' ? null : parseNumber(raw, column)),
};

/** An integer. */
export const int: CellCodec<number> = {
  write: (value) => String(value),
  read(raw, column) {
    const value = parseNumber(raw, column);
    if (!Number.isInteger(value)) throw new CellError(`column "${column}" holds ${value}, not an integer`);
    return value;
  },
};

/** An integer that may be absent (written blank). */
export const optionalInt: CellCodec<number | null> = {
  write: (value) => (value === null ? '' : String(value)),
  read: (raw, column) => (raw.trim() === '' ? null : int.read(raw, column)),
};

/** `true` or `false`. */
export const bool: CellCodec<boolean> = {
  write: (value) => String(value),
  read(raw, column) {
    if (raw !== 'true' && raw !== 'false') throw new CellError(`column "${column}" holds "${raw}", not true or false`);
    return raw === 'true';
  },
};

/** `true`, `false`, or blank (not computed). */
export const optionalBool: CellCodec<boolean | null> = {
  write: (value) => (value === null ? '' : String(value)),
  read: (raw, column) => (raw === '' ? null : bool.read(raw, column)),
};

/** A budget: an integer T, or `all` (uncapped). A blank cell reads as `all`. */
export const budget: CellCodec<Budget> = {
  write: (value) => String(value),
  read(raw, column) {
    if (raw.trim() === '') return 'all';
    try {
      return parseBudget(raw.trim());
    } catch {
      throw new CellError(`column "${column}" holds "${raw}", not a budget (an integer ≥ 0 or "all")`);
    }
  },
};

/** A budget that is null for uncapped episodes (per-episode tables): written blank. */
export const episodeBudget: CellCodec<number | null> = {
  write: (value) => (value === null ? '' : String(value)),
  read: (raw, column) => (raw.trim() === '' ? null : int.read(raw, column)),
};
