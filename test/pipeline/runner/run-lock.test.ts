import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import { RunLockedError, UserError } from '../../../pipeline/errors';
import { ensureRunFolder } from '../../../pipeline/runner/stage-folder';
import { acquireRunLock, LOCK_FILE, readLockHolder } from '../../../pipeline/runner/run-lock';
import { exitOf, runCli, startCli } from '../../helpers/cli-process';
import { tempDir } from '../../helpers/run-stages';

/** A tiny user input: a run over it takes a couple of seconds. */
function tinyInput(dir: string): string[] {
  const tasks = join(dir, 'tasks.jsonl');
  const trajectories = join(dir, 'trajectories.jsonl');
  writeFileSync(tasks, `${JSON.stringify({ task: 't1', question: 'q?', answers: ['yes'] })}\n`);
  writeFileSync(trajectories, [0, 1].map((sample) => JSON.stringify({ policy: 'base', task: 't1', sample, steps: [{ type: 'answer', text: 'yes' }] })).join('\n'));
  return ['--tasks', tasks, '--trajectories', trajectories, '--skip', 'report'];
}

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('one writer per run folder', () => {
  it('stops a second run into a locked folder at once with exit 2 naming the holder; report needs the lock, inspect does not (two real processes)', async () => {
    const dir = tempDir('lock-');
    const runDir = join(dir, 'run');
    // Run A holds the lock while it waits, idle, on a judge endpoint that accepts and never answers.
    const silent = createServer(() => {});
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const judge = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/v1`;
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ stages: { label: { judgeRetries: 0, judgeTimeoutMs: 600_000, judgeCache: join(dir, 'cache') } } }));
    // The case: run A with one seed, run B with another into the same folder while A writes.
    const a = startCli(['pipeline', ...tinyInput(dir), '--seed', '1', '--run-dir', runDir, '--config', join(dir, 'config.json'), '--judge-url', judge, '--judge-model', 'm']);
    try {
      await waitFor(() => existsSync(join(runDir, '04-ingest', 'manifest.json')) || a.exitCode !== null);
      expect(readLockHolder(runDir)).toMatchObject({ pid: a.pid, host: hostname(), command: 'pipeline' });
      writeFileSync(join(runDir, 'run.json'), '{}'); // as if A had run before: `report` finds a run

      const started = Date.now();
      const b = runCli(['pipeline', ...tinyInput(dir), '--seed', '2', '--skip', 'report,label', '--run-dir', runDir]);
      expect(b.status, b.stderr).toBe(2);
      expect(b.stderr).toContain(`is in use by another run: pid ${a.pid} on ${hostname()}`);
      expect(b.stderr).not.toMatch(/\[stale\]|\bat .*\.ts:\d+/);
      expect(Date.now() - started).toBeLessThan(15_000);

      const report = runCli(['report', '--run-dir', runDir]);
      expect(report.status, report.stderr).toBe(2);
      expect(report.stderr).toContain(`pid ${a.pid}`);

      const inspect = runCli(['inspect', 'ingest', '--run-dir', runDir]);
      expect(inspect.status, inspect.stderr).toBe(0);
      expect(inspect.stderr).toContain(`note: a run is writing this folder now (pid ${a.pid}`);
      expect(inspect.stdout).toContain('episodes per policy / family / budget');
      expect(a.exitCode).toBeNull(); // A held the lock throughout
    } finally {
      a.kill('SIGINT');
      silent.close();
    }
    expect(await exitOf(a)).toBe(130);
    // Ctrl-C releases the lock: the next run needs no clean-up.
    expect(existsSync(join(runDir, LOCK_FILE))).toBe(false);
  }, 120_000);

  it('takes over the lock of a process that no longer runs, with a message', () => {
    const dir = tempDir('lock-');
    const runDir = join(dir, 'run');
    const gone = spawnSync(process.execPath, ['-e', '']).pid; // a process that has exited
    mkdirSync(runDir);
    writeFileSync(join(runDir, LOCK_FILE), JSON.stringify({ pid: gone, host: hostname(), started_at: '2020-01-01T00:00:00.000Z', command: 'pipeline' }));
    const run = runCli(['pipeline', ...tinyInput(dir), '--run-dir', runDir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`took over the lock of ${runDir}: its holder (pid ${gone} on ${hostname()}, started 2020-01-01T00:00:00.000Z (pipeline)) is no longer running`);
    expect(existsSync(join(runDir, LOCK_FILE))).toBe(false);
  }, 60_000);

  it('never takes over a lock held on another host, or one it cannot read', () => {
    const runDir = tempDir('lock-');
    writeFileSync(join(runDir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'elsewhere', started_at: '2020-01-01T00:00:00.000Z', command: 'pipeline' }));
    const error = (() => {
      try {
        acquireRunLock(runDir, 'pipeline', () => {});
      } catch (caught) {
        return caught as RunLockedError;
      }
    })();
    expect(error).toBeInstanceOf(RunLockedError);
    expect(error!.message).toContain('in use by another run: pid 1 on elsewhere');
    expect(error!.hint).toContain('runs on another host');
    writeFileSync(join(runDir, LOCK_FILE), 'garbage');
    expect(() => acquireRunLock(runDir, 'pipeline', () => {})).toThrow(/cannot be read/);
  });

  it('holds PID, host and start time while held, and releases only its own lock', () => {
    const runDir = tempDir('lock-');
    const release = acquireRunLock(runDir, 'report', () => {});
    expect(readLockHolder(runDir)).toMatchObject({ pid: process.pid, host: hostname(), command: 'report' });
    expect(Date.parse(readLockHolder(runDir)!.started_at)).toBeGreaterThan(Date.now() - 60_000);
    // A live holder (this very process) is never taken over.
    expect(() => acquireRunLock(runDir, 'pipeline', () => {})).toThrow(`pid ${process.pid}`);
    release();
    expect(existsSync(join(runDir, LOCK_FILE))).toBe(false);
    const again = acquireRunLock(runDir, 'pipeline', () => {});
    writeFileSync(join(runDir, LOCK_FILE), readFileSync(join(runDir, LOCK_FILE), 'utf8').replace('pipeline', 'someone else'));
    again();
    expect(existsSync(join(runDir, LOCK_FILE))).toBe(true);
  });

  it('exits 2 with a message when --run-dir names an existing file', async () => {
    const dir = tempDir('lock-');
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const run = runCli(['pipeline', ...tinyInput(dir), '--run-dir', file]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(`the run folder ${file} names an existing file (or lies under one), not a folder`);
    expect(run.stderr).not.toMatch(/internal error|\bat .*\.ts:\d+/);
    await expect(ensureRunFolder(join(file, 'below'))).rejects.toThrow(UserError);
  });
});
