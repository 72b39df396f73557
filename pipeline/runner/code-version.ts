import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const CODE_FOLDERS = ['pipeline', 'analyses', 'reports'];

/**
 * A hash of the project's source files, so a stage re-runs when the code that computes it changed.
 * Conservative by design: any source change marks every stage stale.
 */
export function codeVersion(root: string): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const folder of CODE_FOLDERS) collect(join(root, folder), files);
  files.sort();
  for (const file of files) {
    hash.update(relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function collect(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) collect(full, out);
    else if (/\.(ts|json|html|css)$/.test(entry.name)) out.push(full);
  }
}
