import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { sha256Text } from '../io/hash';
import { InputFileError } from '../errors';
import type { RunSettings } from './stage';

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
