/** The row type of a declared table. */
import type { CsvTable } from './csv-table';

/** The row type of a CSV table declaration. */
export type RowOf<T> = T extends CsvTable<infer R> ? R : never;
