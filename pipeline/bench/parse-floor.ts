import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The floor every ingest is measured against: a bare `readline` + `JSON.parse` loop over the file. */
export async function parseFloor(path: string): Promise<{ lines: number; seconds: number }> {
  const started = process.hrtime.bigint();
  let lines = 0;
  const reader = createInterface({ input: createReadStream(path, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of reader) {
    if (line) {
      JSON.parse(line);
      lines += 1;
    }
  }
  return { lines, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
