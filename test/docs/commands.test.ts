/**
 * Every `npm run` command of README.md and docs/*.md that is fenced as `sh` runs, in document order,
 * and exits 0 — so the docs never point at files a user's clone does not have.
 *
 * Convention: commands that cannot run offline on a fresh clone (e.g. against a vLLM server, on a
 * cluster, or on the reader's own data) go in ```console or ```text fences, not ```sh. How commands are
 * rewritten to stay small and leave the working tree alone: test/docs/fenced-commands.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fencedCommands, rewrite, words, type Invocation } from './fenced-commands';

const ROOT = resolve(__dirname, '../..');
const SCRIPTS = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((file) => file.endsWith('.md')).sort().map((file) => `docs/${file}`)];
const COMMANDS = DOCS.flatMap((file) => fencedCommands(file, readFileSync(join(ROOT, file), 'utf8')));

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/** Runs an npm script the way `npm run` does (its shell line plus the arguments), with node_modules/.bin on PATH. */
function runScript({ script, args }: Invocation): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const line = SCRIPTS[script];
  if (!line) return Promise.resolve({ code: 127, stdout: '', stderr: `no npm script "${script}" in package.json` });
  return new Promise((done) => {
    const child = spawn('sh', ['-c', `${line} ${args.map(quote).join(' ')}`], {
      cwd: ROOT,
      env: { ...process.env, CI: 'true', PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-6000)));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('extracting doc commands', () => {
  it('joins continuations, drops comments and `cmd &&` prefixes, keeps `#policy` in paths, skips console fences', () => {
    const markdown = ['   ```sh', 'npm install && npm run pipeline   # all of it', 'npm run pipeline -- --import react-text:a.txt#base \\', '  --run-dir runs/x', 'npm test', '   ```', '```console', 'npm run pipeline -- --judge-url http://localhost:8000/v1', '```'].join('\n');
    expect(fencedCommands('x.md', markdown).map((c) => [c.line, c.text])).toEqual([
      [2, 'npm run pipeline'],
      [3, 'npm run pipeline -- --import react-text:a.txt#base --run-dir runs/x'],
    ]);
    expect(words(`npm run a -- --b "c d" 'e'`)).toEqual(['npm', 'run', 'a', '--', '--b', 'c d', 'e']);
  });

  it('moves run folders into the temporary folder and simulates with --quick', () => {
    expect(rewrite('npm run pipeline', '/t')).toEqual({ script: 'pipeline', args: ['--run-dir', '/t/runs/default', '--quick'] });
    expect(rewrite('npm run report -- --run-dir runs/default --figures pass-vs-k', '/t').args).toEqual(['--run-dir', '/t/runs/default', '--figures', 'pass-vs-k']);
    expect(rewrite('npm run pipeline -- --tasks a.jsonl --trajectories b.jsonl', '/t').args).toEqual(['--tasks', 'a.jsonl', '--trajectories', 'b.jsonl', '--run-dir', '/t/runs/default']);
    expect(rewrite('npm run bench -- --sizes 200000', '/t')).toEqual({ script: 'bench', args: ['--quick', '--out', '/t/bench.json'] });
  });
});

describe('README and docs commands on a fresh clone', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'doc-commands-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('finds the commands of the README and of the docs', () => {
    expect(COMMANDS.filter((c) => c.file === 'README.md').length).toBeGreaterThanOrEqual(8);
    expect(new Set(COMMANDS.map((c) => c.file)).size).toBeGreaterThanOrEqual(4);
  });

  it(
    'runs every one of them (exit 0)',
    async () => {
      const seen = new Set<string>();
      const failures: string[] = [];
      const started = Date.now();
      for (const command of COMMANDS) {
        // Rewritten per command: `--merge runs/shards/*` expands to the shard runs made by earlier commands.
        const invocation = rewrite(command.text, tmp);
        const key = JSON.stringify(invocation);
        if (seen.has(key)) continue;
        seen.add(key);
        const began = Date.now();
        const result = await runScript(invocation);
        console.log(`  ${((Date.now() - began) / 1000).toFixed(1).padStart(5)} s  ${command.file}:${command.line}  ${command.text}`);
        if (result.code !== 0) failures.push(`${command.file}:${command.line}: ${command.text}\n  exit ${result.code}\n${result.stderr.trim().split('\n').slice(-8).join('\n')}`);
      }
      console.log(`doc commands: ${seen.size} distinct commands of ${COMMANDS.length} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      expect(failures, failures.join('\n\n')).toEqual([]);
    },
    900_000,
  );
});
