import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/run-stages';
import { collectInto, readCollectedFile, simConfig } from './helpers';

const small = { tasks: { families: ['bridge'], perFamily: 2, seed: 5 }, budgets: [1], samples: 2 };

describe('the output folder', () => {
  it('refuses to mix two collections, naming what differs, but lets the grid grow', async () => {
    const dir = tempDir();
    expect((await collectInto(simConfig(small), dir)).complete).toBe(true);
    await expect(collectInto(simConfig({ ...small, seed: 10 }), dir)).rejects.toThrow(/seed was 9, now 10/);
    const hotter = simConfig({ ...small, policies: [{ name: 'rl', baseURL: 'sim', model: 'rl', temperature: 0.5 }] });
    await expect(collectInto(hotter, dir)).rejects.toThrow(/policy rl was .*"temperature":1.*now .*"temperature":0.5/);
    await expect(collectInto(simConfig({ ...small, tasks: { families: ['bridge'], perFamily: 3, seed: 5 } }), dir)).rejects.toThrow(/tasks_sha256/);
    const grown = await collectInto(simConfig({ ...small, budgets: [1, 2], samples: 3 }), dir);
    expect(grown.complete).toBe(true);
    expect(grown.counts.collected_now).toBe(3 * 2 * 2 * 3 - 3 * 2 * 1 * 2);
    expect(readCollectedFile(dir)).toHaveLength(36);
  });

  it('has one writer: a live process holding the lock stops a second run', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(join(dir, 'collect.lock'), `${holder.pid}\n`);
      await expect(collectInto(simConfig(small), dir)).rejects.toThrow(new RegExp(`another collection \\(process ${holder.pid}\\)`));
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
