/**
 * The `npm run` commands of the README and docs/*.md, as a fresh clone would run them.
 *
 * Convention (for everyone writing docs): a command in a ```sh (or ```bash / ```shell) fence must run
 * offline on a fresh clone, with the files the project ships (data/examples/…); a command that cannot —
 * one that needs a model server, a cluster scheduler, your own data — goes in a ```console or ```text
 * fence. test/docs/commands.test.ts runs every `npm run` command of every sh fence.
 *
 * To keep the test small and leave the working tree alone, commands are rewritten, never otherwise
 * changed: run folders (`--run-dir X`, and paths under `runs/`) move into a temporary folder, a command
 * without `--run-dir` gets the temporary `runs/default` (collecting without `--out` / `--collect-out`: the
 * temporary `runs/collect`, its default), a pipeline run that simulates gets `--quick`, and `npm run bench` runs
 * once with `--quick` and its output in the temporary folder. A server (`npm run serve`) never ends:
 * its commands are ```console.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One command as written in a doc. */
export interface DocCommand {
  file: string;
  line: number;
  text: string;
}

const RUNNABLE_FENCES = new Set(['sh', 'bash', 'shell']);

/** The `npm run …` commands of the sh fences of a Markdown text (continuations joined, comments and `cmd &&` prefixes dropped). */
export function fencedCommands(file: string, markdown: string): DocCommand[] {
  const commands: DocCommand[] = [];
  const lines = markdown.split('\n');
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*```(\w*)\s*$/.exec(lines[i]!);
    if (open) {
      fence = fence === null ? open[1]! : null;
      continue;
    }
    if (fence === null || !RUNNABLE_FENCES.has(fence)) continue;
    const start = i;
    let text = lines[i]!;
    while (text.trimEnd().endsWith('\\') && i + 1 < lines.length) text = `${text.trimEnd().slice(0, -1)} ${lines[++i]!.trim()}`;
    for (const part of stripComment(text).split('&&')) {
      const command = part.trim().replace(/\s+/g, ' ');
      if (command.startsWith('npm run ')) commands.push({ file, line: start + 1, text: command });
    }
  }
  return commands;
}

// A `#` starts a comment only at the start of a word (not inside `file#policy`).
function stripComment(line: string): string {
  const match = /(^|\s)#/.exec(line);
  return match ? line.slice(0, match.index) : line;
}

/** Splits a command line into words, honouring single and double quotes. */
export function words(command: string): string[] {
  const out: string[] = [];
  for (const match of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(match[1] ?? match[2] ?? match[3]!);
  return out;
}

/** A command ready to run: the npm script and its arguments. */
export interface Invocation {
  script: string;
  args: string[];
}

const SOURCE_FLAGS = ['--tasks', '--trajectories', '--import', '--collect', '--merge', '--hotpotqa', '--quick'];

/** Rewrites `npm run <script> [-- args]` to run in `tmp` (see the header); returns the script and its arguments. */
export function rewrite(command: string, tmp: string): Invocation {
  const [, , script, ...rest] = words(command);
  if (!script) throw new Error(`not an npm run command: ${command}`);
  const args = rest[0] === '--' ? rest.slice(1) : rest;
  if (script === 'bench') return { script, args: ['--quick', '--out', join(tmp, 'bench.json')] };
  const moved = args.flatMap((arg, i) => (args[i - 1] === '--run-dir' || arg.startsWith('runs/') ? expand(join(tmp, arg)) : [arg]));
  if (['pipeline', 'inspect', 'report'].includes(script) && !moved.includes('--run-dir')) moved.push('--run-dir', join(tmp, 'runs/default'));
  if (script === 'collect' && !moved.includes('--out')) moved.push('--out', join(tmp, 'runs/collect'));
  if (moved.includes('--collect') && !moved.includes('--collect-out')) moved.push('--collect-out', join(tmp, 'runs/collect'));
  if (script === 'pipeline' && !moved.some((arg) => SOURCE_FLAGS.includes(arg))) moved.push('--quick');
  return { script, args: moved };
}

// A trailing `*` (as in `--merge runs/shards/*`) is expanded the way the shell would.
function expand(path: string): string[] {
  if (!path.endsWith('/*')) return [path];
  const dir = path.slice(0, -2);
  return existsSync(dir) ? readdirSync(dir).sort().map((entry) => join(dir, entry)) : [path];
}
