import { createReadStream, existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatCsv, parseCsv } from '../io/csv';
import { csvObjects } from '../io/csv-records';
import { openJsonlWriter } from '../io/jsonl-writer';
import { parseableLineBytes } from '../io/line-limits';
import { readLines, type SourceLine } from '../io/lines';
import { StageError } from '../errors';
import type { StageInput, StageManifest, StageOutput } from './stage';

/** Read access to a finished stage folder. */
export function stageInput(stage: string, dir: string, manifest: StageManifest): StageInput {
  const path = (file: string): string => {
    const full = join(dir, file);
    if (!existsSync(full)) throw new StageError(`stage "${stage}" has no output "${file}" (in ${dir}).`);
    return full;
  };
  return {
    stage,
    manifest,
    has: (file) => existsSync(join(dir, file)),
    path,
    json: async <T>(file: string) => JSON.parse(await readFile(path(file), 'utf8')) as T,
    text: (file) => readFile(path(file), 'utf8'),
    lines: (file) => ({
      async *[Symbol.asyncIterator]() {
        for await (const line of readOutputLines(stage, path(file), file)) if (line.text !== '') yield line.text;
      },
    }),
    csv: async (file) => parseCsv(await readFile(path(file), 'utf8')),
    csvRows: (file) => csvObjects(createReadStream(path(file), { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>),
    jsonl: <T>(file: string): AsyncIterable<T> => ({
      async *[Symbol.asyncIterator]() {
        for await (const { text, line } of readOutputLines(stage, path(file), file)) {
          if (text === '') continue;
          try {
            yield JSON.parse(text) as T;
          } catch (error) {
            throw new StageError(`${stage}/${file}:${line} is not valid JSON (${(error as Error).message}).`);
          }
        }
      },
    }),
  };
}

/**
 * The lines of a stage's own output. Every line a stage wrote must be read back: a line longer than
 * this process can parse is an error naming it, never a line skipped (ingest rejects episodes whose
 * trace would be that long, so it does not happen in practice).
 */
async function* readOutputLines(stage: string, path: string, file: string): AsyncGenerator<SourceLine> {
  const limit = parseableLineBytes();
  for await (const line of readLines(path, { maxLineBytes: limit })) {
    if (line.tooLong) {
      throw new StageError(`${stage}/${file}:${line.line} is ${line.bytes} bytes long, more than this process can parse (${limit} bytes); re-run with a larger heap (NODE_OPTIONS=--max-old-space-size=<MB>).`);
    }
    yield line;
  }
}

/** Write access to a stage's temporary folder; remembers which files were written. */
export function stageOutput(dir: string): StageOutput {
  return {
    dir,
    json: (file, data) => writeFile(join(dir, file), `${JSON.stringify(data, null, 2)}\n`),
    text: (file, data) => writeFile(join(dir, file), data),
    csv: (file, columns, rows) => writeFile(join(dir, file), formatCsv(columns, rows)),
    jsonl: (file) => openJsonlWriter(join(dir, file)),
  };
}
