/**
 * `--import` values: `format:path`, `auto:path`, optionally `format:path#policy` to name the policy of
 * that one source (e.g. `react-text:base.txt#base --import react-text:rl.txt#rl`).
 */
import { resolve } from 'node:path';
import { ConfigError } from '../errors';
import { adapterNames } from './registry';

/** One parsed `--import` value. */
export interface ImportSpec {
  /** Adapter name, or `auto`. */
  format: string;
  /** Absolute path. */
  path: string;
  /** The path as the user wrote it (what rejects and summaries show). */
  display: string;
  /** Policy forced for this source; empty when none. */
  policy: string;
  /** The value as the user wrote it. */
  raw: string;
}

/** Parses `format:path[#policy]`; a ConfigError saying what the value should look like. */
export function parseImportSpec(raw: string): ImportSpec {
  const colon = raw.indexOf(':');
  const format = colon === -1 ? '' : raw.slice(0, colon);
  const known = [...adapterNames(), 'auto'];
  if (colon === -1 || !known.includes(format)) {
    throw new ConfigError(`--import "${raw}" does not start with a known format.`, `Write --import <format>:<path>, format one of ${known.join(', ')}; e.g. --import react-text:logs/react.txt.`);
  }
  let rest = raw.slice(colon + 1);
  let policy = '';
  const hash = rest.lastIndexOf('#');
  if (hash !== -1) {
    policy = rest.slice(hash + 1).trim();
    rest = rest.slice(0, hash);
    if (policy === '') throw new ConfigError(`--import "${raw}" ends in "#" without a policy name.`, 'Write format:path#policy, or drop the "#".');
  }
  if (rest.trim() === '') throw new ConfigError(`--import "${raw}" names no file.`, 'Write --import <format>:<path>.');
  return { format, path: resolve(rest), display: rest, policy, raw };
}

/** Parses one `key=value` of a flag (default `--import-option`); a ConfigError when there is no "=". */
export function parseOptionAssignment(raw: string, flag = '--import-option', example = 'e.g. --import-option messages=prompt+completion (see docs/adapters.md for the keys)'): [string, string] {
  const equals = raw.indexOf('=');
  if (equals <= 0) throw new ConfigError(`${flag} "${raw}" is not key=value.`, `Write ${flag} key=value, ${example}.`);
  return [raw.slice(0, equals).trim(), raw.slice(equals + 1)];
}
