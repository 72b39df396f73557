import { csvCell } from './csv';
import type { CsvWriter } from '../runner/stage';
import { openJsonlWriter } from './jsonl-writer';

/** Opens a CSV file for streaming writes: the same bytes as formatCsv of all the rows, none of them held. */
export function openCsvWriter(path: string, columns: readonly string[]): CsvWriter {
  // formatCsv's bytes: the header line, then one line per row, each ended by a newline.
  const lines = openJsonlWriter(path);
  let header: Promise<void> | undefined = lines.writeSerialized(columns.map(csvCell).join(','));
  const started = async () => {
    if (header) await header;
    header = undefined;
  };
  return {
    async write(row) {
      await started();
      await lines.writeSerialized(columns.map((column) => csvCell(row[column])).join(','));
    },
    async close() {
      await started();
      await lines.close();
    },
  };
}
