/**
 * Finds a shard's `stats.jsonl` from what the user passed to `--merge`: the shard's run folder (its
 * `NN-stats/` folder is found by name), the stats stage's folder itself, or the file.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputFileError } from '../../errors';
import { STATS_FILE } from '../../tables/stats/format';

const STATS_FOLDER = /^\d+-stats$/;

/** The absolute path of the statistics file of a shard run (synchronous: the runner hashes it before the stage runs). */
export function locateStats(given: string): string {
  const path = resolve(given);
  if (!existsSync(path)) {
    throw new InputFileError(`--merge: ${given} does not exist.`, 'Pass the run folders of the shard runs (the --run-dir of each `--shard i/N` run).');
  }
  if (statSync(path).isFile()) return path;
  if (existsSync(join(path, STATS_FILE))) return join(path, STATS_FILE);
  const folders = readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && STATS_FOLDER.test(entry.name) && existsSync(join(path, entry.name, STATS_FILE)))
    .map((entry) => entry.name);
  if (folders.length === 1) return join(path, folders[0] as string, STATS_FILE);
  throw new InputFileError(
    folders.length === 0
      ? `--merge: ${given} holds no shard statistics (no NN-stats/${STATS_FILE}).`
      : `--merge: ${given} holds several statistics folders (${folders.join(', ')}).`,
    'A shard run writes them: `npm run pipeline -- --shard i/N --run-dir <dir> …`. Pass that run folder, or the stats.jsonl file itself.',
  );
}

/** The statistics files of every shard run given to `--merge`. */
export function findStatsFiles(given: readonly string[]): string[] {
  return given.map(locateStats);
}
