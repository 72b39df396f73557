/**
 * One writer per run folder. A run holds `run.lock` in its folder while it writes: the file appears
 * atomically (written under a private name, then hard-linked into place, which fails if it exists) and
 * names the holder's PID, host and start time. A second writer stops at once naming the holder; a lock
 * left by a process that no longer runs on this host is taken over with a message. Readers (inspect)
 * need no lock.
 */
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { RunLockedError } from '../errors';
import { isProcessAlive } from './process-alive';

/** The lock file's name inside a run folder. */
export const LOCK_FILE = 'run.lock';

/** Who holds a run folder. */
export interface LockHolder {
  pid: number;
  host: string;
  started_at: string;
  /** The command that holds it (pipeline, report), for the message a second writer sees. */
  command: string;
}

/** The holder of a run folder's lock: undefined when it is not locked, null when the lock is unreadable. */
export function readLockHolder(runDir: string): LockHolder | null | undefined {
  const text = readText(join(runDir, LOCK_FILE));
  return text === undefined ? undefined : parseHolder(text);
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const holder = JSON.parse(text) as LockHolder;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? holder : null;
  } catch {
    return null;
  }
}

/** One line naming a lock's holder. */
export function describeHolder(holder: LockHolder): string {
  return `pid ${holder.pid} on ${holder.host}, started ${holder.started_at} (${holder.command})`;
}

/**
 * Takes the lock of a run folder (which must exist) or throws {@link RunLockedError}; returns the
 * release function. The lock is also released if the process exits without calling it (Ctrl-C).
 */
export function acquireRunLock(runDir: string, command: string, log: (line: string) => void): () => void {
  const path = join(runDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), started_at: new Date().toISOString(), command };
  const mine = `${JSON.stringify(me)}\n`;
  const draft = `${path}.${process.pid}`;
  writeFileSync(draft, mine);
  try {
    // A few tries: each failed one either takes over a dead holder's lock or ends in an error.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        linkSync(draft, path);
        const release = () => releaseIfMine(path, mine);
        process.once('exit', release);
        return () => {
          process.removeListener('exit', release);
          release();
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      takeOverIfStale(runDir, path, log);
    }
  } finally {
    unlinkSync(draft);
  }
  throw lockedError(runDir, readLockHolder(runDir));
}

// Throws when the holder is alive (or cannot be judged); removes the lock of a dead holder on this host.
function takeOverIfStale(runDir: string, path: string, log: (line: string) => void): void {
  const seen = readText(path);
  if (seen === undefined) return; // released meanwhile: try again
  const holder = parseHolder(seen);
  if (!holder || holder.host !== hostname() || isProcessAlive(holder.pid)) throw lockedError(runDir, holder);
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // another run took it over first: try again
  }
  // The rename may have caught a lock another run created after taking over the same stale one: put it back.
  if (readText(aside) !== seen) {
    try {
      linkSync(aside, path);
    } finally {
      unlinkSync(aside);
    }
    throw lockedError(runDir, readLockHolder(runDir));
  }
  unlinkSync(aside);
  log(`took over the lock of ${runDir}: its holder (${describeHolder(holder)}) is no longer running`);
}

function releaseIfMine(path: string, mine: string): void {
  if (readText(path) !== mine) return;
  try {
    unlinkSync(path);
  } catch {
    // Removed meanwhile: nothing to release.
  }
}

function lockedError(runDir: string, holder: LockHolder | null | undefined): RunLockedError {
  const path = join(runDir, LOCK_FILE);
  if (!holder) {
    return new RunLockedError(`the run folder ${runDir} is locked, but its lock file ${path} cannot be read.`, `If no other run writes to this folder, delete ${path}.`);
  }
  const elsewhere = holder.host !== hostname();
  return new RunLockedError(
    `the run folder ${runDir} is in use by another run: ${describeHolder(holder)}.`,
    `Wait for that run to finish, or pass another --run-dir. ` +
      (elsewhere ? `It runs on another host, so its state cannot be checked from here: if` : `If`) +
      ` that process is gone, delete ${path}.`,
  );
}
