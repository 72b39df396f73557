/**
 * A CSV output declared once: its file name, its columns in order with a codec each, and its row type.
 * The stage that writes the file and every reader (the report, `inspect`, merge, tests) use the same
 * declaration, so a column renamed here is renamed everywhere, with the compiler's help.
 */
import { formatCsv } from '../io/csv';
import type { StageInput, StageOutput } from '../runner/stage';
import { type CellCodec, CellError } from './cells';

/** The codecs of a row type's columns, in output order. */
export type ColumnCodecs<R> = { [K in keyof R]-?: CellCodec<R[K]> };

/** A declared CSV table. */
export interface CsvTable<R> {
  /** The file name in its stage's folder. */
  readonly file: string;
  /** Column names in output order. */
  readonly columns: readonly (keyof R & string)[];
  /** The codec of each column. */
  readonly codecs: ColumnCodecs<R>;
  /** The same columns written to another file name (e.g. `passhatk.csv` beside `passkt.csv`). */
  as(file: string): CsvTable<R>;
  /** Formats rows as CSV text (header included). */
  format(rows: Iterable<R>): string;
  /** Writes rows into a stage's output folder. */
  write(out: StageOutput, rows: Iterable<R>): Promise<void>;
  /** Reads one record of cell texts (keyed by column) into a row; throws a CellError naming the column. */
  parse(record: Record<string, string>): R;
  /** Reads the whole table from an upstream stage (small tables); a bad cell names the file and data row. */
  read(input: StageInput): Promise<R[]>;
  /** Streams the table row by row (per-episode tables). */
  stream(input: StageInput): AsyncIterable<R>;
}

/** Declares a CSV table; the row type is inferred from the codecs (or checked against an explicit one). */
export function defineCsvTable<R>(file: string, codecs: ColumnCodecs<R>): CsvTable<R> {
  const columns = Object.keys(codecs) as (keyof R & string)[];
  const entries = columns.map((column) => [column, codecs[column] as CellCodec<unknown>] as const);

  const cells = (row: R): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [column, codec] of entries) out[column] = codec.write((row as Record<string, unknown>)[column]);
    return out;
  };
  const parse = (record: Record<string, string>): R => {
    const row: Record<string, unknown> = {};
    for (const [column, codec] of entries) {
      const raw = record[column];
      if (raw === undefined) throw new CellError(`column "${column}" is missing`);
      row[column] = codec.read(raw, column);
    }
    return row as R;
  };
  const located = (input: StageInput, index: number, error: unknown): unknown =>
    error instanceof CellError
      ? new CellError(
          `${input.stage}/${file}, data row ${index}: ${error.message}.`,
          `The file is written by the ${input.stage} stage; re-run it with \`npm run pipeline -- --from ${input.stage}\`.`,
        )
      : error;

  return {
    file,
    columns,
    codecs,
    as: (other) => defineCsvTable(other, codecs),
    format: (rows) => formatCsv(columns, mapIterable(rows, cells)),
    write: (out, rows) => out.csv(file, columns, mapIterable(rows, cells)),
    parse,
    async read(input) {
      const records = await input.csv(file);
      return records.map((record, index) => {
        try {
          return parse(record);
        } catch (error) {
          throw located(input, index + 1, error);
        }
      });
    },
    stream: (input) => ({
      async *[Symbol.asyncIterator]() {
        let index = 0;
        for await (const record of input.csvRows(file)) {
          index += 1;
          try {
            yield parse(record);
          } catch (error) {
            throw located(input, index, error);
          }
        }
      },
    }),
  };
}

function* mapIterable<A, B>(items: Iterable<A>, map: (item: A) => B): Iterable<B> {
  for (const item of items) yield map(item);
}
