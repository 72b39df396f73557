import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'pipeline/serve/main.ts');
const env = { ...process.env, CI: 'true' };

describe('npm run serve', () => {
  it('prints its URL on stdout and a simulator banner on stderr, serves a collect config’s tasks, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--policies', 'rl,base', '--config', 'data/examples/collect-sim.json'], { cwd: ROOT, env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) done(out.trim());
      });
      child.on('exit', (code) => fail(new Error(`exited ${code}: ${stderr}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(stderr).toMatch(/SIMULATOR — not a language model/);
    const models = (await (await fetch(`${url}/models`)).json()) as { data: { id: string }[] };
    expect(models.data.map((m) => m.id)).toEqual(['rl', 'base']);
    // The example config's tasks: the built-in world, 10 per family, seed 20260425.
    const collect = JSON.parse(readFileSync(join(ROOT, 'data/examples/collect-sim.json'), 'utf8')) as { tasks: { perFamily: number } };
    expect(stderr).toContain(`(${collect.tasks.perFamily * 3} questions)`);
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits 2 with a message for an unknown policy', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--policies', 'gpt-4o'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown simulated policy gpt-4o');
  });
});
