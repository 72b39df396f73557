import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The floor every ingest is measured against: a bare `readline` + `JSON.parse` loop over the file (wall and CPU seconds). */
export async function parseFloor(path: string): Promise<{ lines: number; seconds: number; cpu_seconds: number }> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  let lines = 0;
  const reader = createInterface({ input: createReadStream(path, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of reader) {
    if (line) {
      JSON.parse(line);
      lines += 1;
    }
  }
  const used = process.cpuUsage(cpu);
  return { lines, seconds: Number(process.hrtime.bigint() - started) / 1e9, cpu_seconds: (used.user + used.system) / 1e6 };
}
