/** The policy name a source gets when neither the user nor the source names one. */
import { basename } from 'node:path';

const EXTENSIONS = /(\.(jsonl|ndjson|json|txt|log))?(\.gz)?$/i;

/** The file's base name without its data extensions: `runs/rl-step-200.jsonl.gz` → `rl-step-200`. */
export function policyFromFile(path: string): string {
  const name = basename(path).replace(EXTENSIONS, '');
  return name === '' ? basename(path) : name;
}

/** The user's policy when given, else the source's own name for it, else the file's default. */
export function choosePolicy(forced: string, fromSource: unknown, fallback: string): string {
  if (forced !== '') return forced;
  if (typeof fromSource === 'string' && fromSource.trim() !== '') return fromSource.trim();
  return fallback;
}
