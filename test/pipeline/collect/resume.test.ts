import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCollectConfig } from '../../../pipeline/collect/config';
import { tempDir } from '../../helpers/run-stages';
import { byKey, collectInto, essence, readCollectedFile } from './helpers';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'pipeline/collect/main.ts');
const raw = {
  policies: ['base', 'rl', 'sft'].map((name) => ({ name, baseURL: 'sim', model: name })),
  tasks: { families: ['bridge'], perFamily: 6, seed: 5 },
  budgets: [1, 3],
  samples: 6,
  seed: 3,
  concurrency: 2,
};
const TOTAL = 3 * 6 * 2 * 6;

function lines(path: string): number {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean).length : 0;
}

describe('resuming a collection', () => {
  it('after the process is killed mid-run (and its last line torn), the same command ends with exactly the keys of an uninterrupted run', async () => {
    const reference = tempDir();
    // Concurrency changes the order episodes finish in, never what they are.
    expect((await collectInto(parseCollectConfig({ ...raw, concurrency: 8 }, 'test'), reference)).complete).toBe(true);

    const dir = tempDir();
    const configFile = join(dir, 'collect.json');
    writeFileSync(configFile, JSON.stringify(raw));
    const out = join(dir, 'out');
    const file = join(out, 'trajectories.jsonl');
    const args = ['--import', 'tsx', CLI, '--config', configFile, '--out', out];
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const deadline = Date.now() + 60_000;
    while (lines(file) < 30 && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGKILL');
    await exited;
    const atKill = lines(file);
    expect(atKill).toBeGreaterThanOrEqual(30);
    expect(atKill).toBeLessThan(TOTAL);
    expect(existsSync(join(out, 'collect.lock'))).toBe(true);
    // A kill in the middle of a write leaves part of a line: emulate the worst case.
    appendFileSync(file, '{"policy":"base","task":"bridge-00');

    const dry = await collectInto(parseCollectConfig(raw, 'test'), out, { dryRun: true });
    expect(dry.summary[0]).toContain(`${atKill} already collected, ${TOTAL - atKill} to collect`);
    expect(dry.logs.join('\n')).toContain('the run will cut a partial last line');

    const again = spawnSync(process.execPath, [...args, '--concurrency', '8'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('cut a partial last line');
    expect(again.stdout).toContain(`${TOTAL} of ${TOTAL} episodes`);
    expect(existsSync(join(out, 'collect.lock'))).toBe(false);

    const resumed = readCollectedFile(out);
    expect(resumed).toHaveLength(TOTAL);
    const got = byKey(resumed);
    const expected = byKey(readCollectedFile(reference));
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, episode] of got) expect(essence(episode), key).toEqual(essence(expected.get(key)!));
  });
});
