import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors';
import { isProcessAlive } from './process-alive';
import type { StageManifest } from './stage';

const TEMP_MARK = '.tmp-';
const OLD_MARK = '.old-';

/** Creates the run folder if needed; a path naming a file (or under one) is a user mistake, not a crash. */
export async function ensureRunFolder(runDir: string): Promise<void> {
  try {
    await mkdir(runDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    const isFile = code === 'EEXIST' || code === 'ENOTDIR';
    throw new UserError(
      isFile ? `the run folder ${runDir} names an existing file (or lies under one), not a folder.` : `cannot create the run folder ${runDir} (${code}).`,
      isFile ? 'Pass a folder path with --run-dir (it is created when missing), e.g. --run-dir runs/my-run.' : 'Check the path and its permissions, or pass another --run-dir.',
    );
  }
}

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
    if ((entry.includes(TEMP_MARK) || entry.includes(OLD_MARK)) && pid !== process.pid && isProcessAlive(pid)) continue;
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
