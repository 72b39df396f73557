/**
 * Appends finished episodes to trajectories.jsonl: one write per episode (a whole line, so a kill
 * leaves at most a partial last line, which resume.ts cuts), in finishing order, with the data synced
 * to disk at most every second and on close. Writes are synchronous: a line is a few kilobytes, and a
 * synchronous append is far cheaper than a promise-based one at thousands of episodes per second.
 */
import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs';

const SYNC_EVERY_MS = 1000;

/** The append-only episode file of a collection. */
export class EpisodeStore {
  private readonly fd: number;
  private lastSync = Date.now();

  /** Opens (creating if needed) the file for appending. */
  constructor(path: string) {
    this.fd = openSync(path, 'a');
  }

  /** Appends one record as one line. */
  append(record: unknown): void {
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
    if (Date.now() - this.lastSync >= SYNC_EVERY_MS) {
      fdatasyncSync(this.fd);
      this.lastSync = Date.now();
    }
  }

  /** Syncs and closes. */
  close(): void {
    fdatasyncSync(this.fd);
    closeSync(this.fd);
  }
}
