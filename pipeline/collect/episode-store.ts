/**
 * Appends finished episodes to trajectories.jsonl: one write per episode (a whole line, so a kill
 * leaves at most a partial last line, which resume.ts cuts), writes serialized in finishing order, and
 * the data synced to disk at most every second and on close.
 */
import { open, type FileHandle } from 'node:fs/promises';

const SYNC_EVERY_MS = 1000;

/** The append-only episode file of a collection. */
export class EpisodeStore {
  private chain: Promise<void> = Promise.resolve();
  private lastSync = Date.now();

  private constructor(private readonly handle: FileHandle) {}

  /** Opens (creating if needed) the file for appending. */
  static async open(path: string): Promise<EpisodeStore> {
    return new EpisodeStore(await open(path, 'a'));
  }

  /** Appends one record as one line; resolves when it is written. */
  append(record: unknown): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    this.chain = this.chain.then(async () => {
      await this.handle.write(line);
      if (Date.now() - this.lastSync >= SYNC_EVERY_MS) {
        await this.handle.datasync();
        this.lastSync = Date.now();
      }
    });
    return this.chain;
  }

  /** Waits for pending writes, syncs and closes. */
  async close(): Promise<void> {
    await this.chain;
    await this.handle.datasync();
    await this.handle.close();
  }
}
