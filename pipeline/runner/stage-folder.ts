import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StageManifest } from './stage';

const TEMP_MARK = '.tmp-';
const OLD_MARK = '.old-';

/** Reads a stage folder's manifest, or undefined when the folder holds no finished stage. */
export async function readManifest(dir: string): Promise<StageManifest | undefined> {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StageManifest;
  } catch {
    return undefined;
  }
}

/** Creates a fresh temporary folder beside the stage's final folder. */
export async function createTempFolder(finalDir: string): Promise<string> {
  const dir = `${finalDir}${TEMP_MARK}${process.pid}`;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * Moves a finished temporary folder into place. The old folder is renamed aside first and removed
 * last, so at every instant the final path holds either the old complete output or the new one.
 */
export async function commitFolder(tempDir: string, finalDir: string): Promise<void> {
  const aside = `${finalDir}${OLD_MARK}${process.pid}`;
  const hadOld = existsSync(finalDir);
  if (hadOld) await rename(finalDir, aside);
  await rename(tempDir, finalDir);
  if (hadOld) await rm(aside, { recursive: true, force: true });
}

/** Removes temporary and set-aside folders left by an interrupted run. */
export async function cleanInterrupted(runDir: string): Promise<string[]> {
  if (!existsSync(runDir)) return [];
  const removed: string[] = [];
  for (const entry of await readdir(runDir)) {
    // A folder of a process that is still running belongs to a concurrent run on the same folder: leave it.
    const pid = Number(entry.slice(entry.lastIndexOf('-') + 1));
    if ((entry.includes(TEMP_MARK) || entry.includes(OLD_MARK)) && pid !== process.pid && isAlive(pid)) continue;
    if (entry.includes(TEMP_MARK)) {
      await rm(join(runDir, entry), { recursive: true, force: true });
      removed.push(entry);
    } else if (entry.includes(OLD_MARK)) {
      // A crash between the two renames: restore the complete old output if the final folder is missing.
      const finalName = entry.slice(0, entry.indexOf(OLD_MARK));
      if (!existsSync(join(runDir, finalName))) await rename(join(runDir, entry), join(runDir, finalName));
      else await rm(join(runDir, entry), { recursive: true, force: true });
      removed.push(entry);
    }
  }
  return removed;
}

/** Lists the files of a folder with their sizes, sorted by name. */
export async function listOutputs(dir: string): Promise<{ file: string; bytes: number }[]> {
  const files = (await readdir(dir)).filter((file) => file !== 'manifest.json').sort();
  return Promise.all(files.map(async (file) => ({ file, bytes: (await stat(join(dir, file))).size })));
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
