/**
 * Reading a user's JSON file (a config, a simulator configuration): one place for the two mistakes every
 * such file can have — it cannot be read, or it is not JSON — each a user error that names the file.
 */
import { readFileSync } from 'node:fs';
import { ConfigError, InputFileError } from '../errors';

/** The parsed content of the JSON file at `path`; `what` names it in errors ("the config file"), `hint` says where it was given. */
export function readJsonFile(path: string, what: string, hint: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputFileError(`cannot read ${what} ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`, hint);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${what} ${path} is not valid JSON (${(error as Error).message}).`, 'Fix the JSON syntax.');
  }
}

/** The issues of a failed zod parse as one phrase naming each key (`"a.b": expected a number; unknown key "c"`). */
export function describeIssues(issues: readonly { code: string; path: readonly PropertyKey[]; message: string; keys?: readonly string[] }[]): string {
  return issues
    .map((issue) => {
      const where = issue.path.length > 0 ? `"${issue.path.map(String).join('.')}": ` : '';
      const keys = issue.keys ?? [];
      return issue.code === 'unrecognized_keys' ? `${where}unknown key${keys.length > 1 ? 's' : ''} ${keys.map((key) => `"${key}"`).join(', ')}` : `${where}${issue.message}`;
    })
    .join('; ');
}
