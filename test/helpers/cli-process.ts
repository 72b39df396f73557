/**
 * The CLI as a real child process (node + tsx loader, CI set so no progress bars), for tests that need
 * process boundaries: exit codes, locks between two runs, signals.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const ARGS = ['--import', 'tsx', join(ROOT, 'pipeline/cli/main.ts')];

/** Runs the CLI to completion. */
export function runCli(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...ARGS, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env } });
}

/** Starts the CLI in the background; collect its stderr with `stderrOf`. */
export function startCli(args: string[], env: Record<string, string> = {}): ChildProcess & { stderrText: () => string } {
  const child = spawn(process.execPath, [...ARGS, ...args], { cwd: ROOT, env: { ...process.env, CI: 'true', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  child.stdout!.resume();
  return Object.assign(child, { stderrText: () => stderr });
}

/** Resolves with the exit code (or signal name) of a child process. */
export function exitOf(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => child.once('exit', (code, signal) => done(code ?? signal ?? -1)));
}
