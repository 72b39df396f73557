/**
 * Hostile names cannot blow up the report (issue 15): a 200,000-character policy, family and task name
 * once made PNGs 83,553 px wide and took 24 GB. The whole default pipeline runs on them in a child
 * process whose resident memory is sampled from /proc; it must finish under 1 GB (and is stopped at
 * 1.5 GB, so a regression cannot take the machine down), with every figure drawn at a bounded size.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGridInputs } from '../../../helpers/grid-inputs';

const ROOT = resolve(__dirname, '../../../..');
const LIMIT = 1024 ** 3;
const KILL_AT = 1.5 * 1024 ** 3;
const LONG = 200_000;

/** Resident and peak resident memory of a process, in bytes (null once it has exited). */
function memory(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}

describe.skipIf(!existsSync('/proc/self/status'))('200,000-character names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'long-names-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('run through every stage and the report under 1 GB, figures of bounded size', async () => {
    const inputs = writeGridInputs(dir, { families: ['F'.repeat(LONG), 'single'], budgets: [1, 3], policies: ['base', 'P'.repeat(LONG)], tasksPerFamily: 2, samples: 3, taskPrefix: 'T'.repeat(LONG) });
    const runDir = join(dir, 'run');
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'pipeline/cli/main.ts'), 'pipeline', '--tasks', inputs.tasks, '--trajectories', inputs.trajectories, '--run-dir', runDir, '--resamples', '100'], {
      cwd: ROOT,
      env: { ...process.env, CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    let peak = 0;
    let killed = false;
    const sampler = setInterval(() => {
      const now = memory(child.pid!);
      if (!now) return;
      peak = Math.max(peak, now.peak, now.rss);
      if (now.rss > KILL_AT) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, 50);
    const code = await new Promise<number | null>((done) => child.on('close', done));
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    console.log(`long names: peak RSS ${(peak / 1024 ** 2).toFixed(0)} MB, ${seconds.toFixed(1)} s`);
    expect(killed, `stopped at ${(KILL_AT / 1024 ** 3).toFixed(1)} GB`).toBe(false);
    expect(code, stderr).toBe(0);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(LIMIT);

    const report = join(runDir, 'report');
    const svgs = readdirSync(report).filter((file) => file.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThanOrEqual(14);
    for (const file of svgs) {
      const [, width, height] = /<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(readFileSync(join(report, file), 'utf8'))!;
      expect(Number(width), file).toBeLessThan(2000);
      expect(Number(height), file).toBeLessThan(4000);
    }
    // The page names the shortened names once, in full up to its limit.
    const page = readFileSync(join(report, 'index.html'), 'utf8');
    expect(page).toContain('Names shortened for display');
    expect(page.length).toBeLessThan(20 * 1024 ** 2);
  }, 300_000);
});
