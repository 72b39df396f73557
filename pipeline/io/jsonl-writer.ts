import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { JsonlWriter } from '../runner/stage';

/** Opens a JSONL file for streaming writes that respect back-pressure. */
export function openJsonlWriter(path: string): JsonlWriter {
  const stream = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  const writeLine = async (json: string) => {
    if (failure) throw failure;
    if (!stream.write(`${json}\n`)) await once(stream, 'drain');
  };
  return {
    write: (record: unknown) => writeLine(JSON.stringify(record)),
    writeSerialized: writeLine,
    async writeLines(bytes: Uint8Array) {
      if (failure) throw failure;
      if (!stream.write(bytes)) await once(stream, 'drain');
    },
    async close() {
      if (failure) throw failure;
      stream.end();
      await once(stream, 'finish');
    },
  };
}
