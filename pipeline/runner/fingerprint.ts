import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { sha256File, sha256Text } from '../io/hash';
import { InputFileError } from '../errors';
import type { RunSettings, StageManifest } from './stage';

/** Size and modification time of an external input: what freshness is judged on. */
export interface FileStamp {
  path: string;
  bytes: number;
  mtime_ms: number;
}

/** Stats each external file, with a clear error for a missing one. */
export async function stampFiles(paths: readonly string[], stage: string): Promise<FileStamp[]> {
  return Promise.all(
    paths.map(async (path) => {
      const absolute = resolve(path);
      try {
        const info = await stat(absolute);
        if (!info.isFile()) throw new Error('not a regular file');
        return { path: absolute, bytes: info.size, mtime_ms: Math.trunc(info.mtimeMs) };
      } catch (error) {
        throw new InputFileError(
          `stage "${stage}" cannot read the input file ${absolute} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
          'Check the path (relative paths are taken from the current directory) and that the file exists.',
        );
      }
    }),
  );
}

/** Everything a stage's outputs depend on, hashed: same fingerprint ⇒ the outputs are still valid. */
export function stageFingerprint(parts: {
  stage: string;
  codeVersion: string;
  packageVersion: string;
  params: unknown;
  settings: RunSettings;
  upstream: { stage: string; fingerprint: string }[];
  files: FileStamp[];
}): string {
  return sha256Text(JSON.stringify(parts)).slice(0, 32);
}

/** Inputs up to this size are re-hashed on every run; larger ones only with `--verify-inputs`. */
export const REHASH_MAX_BYTES = 256 * 1024 * 1024;

/**
 * The external files whose content differs from the SHA-256 a manifest recorded, although size and
 * mtime (already in the fingerprint) match: an edit that kept both. Hashing costs about a second per
 * GB, so only files up to {@link REHASH_MAX_BYTES} are checked, unless `verifyAll`.
 */
export async function changedContent(recorded: StageManifest['external_files'], stamps: FileStamp[], verifyAll: boolean): Promise<string[]> {
  const hashes = new Map(recorded.map((file) => [file.path, file.sha256]));
  const changed: string[] = [];
  for (const stamp of stamps) {
    const expected = hashes.get(stamp.path);
    if (expected === undefined || (!verifyAll && stamp.bytes > REHASH_MAX_BYTES)) continue;
    if ((await sha256File(stamp.path)) !== expected) changed.push(stamp.path);
  }
  return changed;
}
