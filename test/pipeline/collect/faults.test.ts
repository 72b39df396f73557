import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../analyses/random/rng';
import { assignRounds } from '../../../pipeline/stages/ingest/rounds';
import { startSimServer } from '../../../pipeline/serve/server';
import { loadSimulatorConfig } from '../../../pipeline/simulate/simulator-config';
import { loadTaskSource } from '../../../pipeline/task-source/task-source';
import { tempDir } from '../../helpers/run-stages';
import { byKey, collectInto, essence, readCollectedFile, simConfig } from './helpers';
import { RETRY_AFTER_SECONDS, startFaultProxy, type Fault } from './fault-proxy';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

// Transport faults hit the first three attempts of a request at most, so 4 retries always get through;
// a malformed tool call is injected at most once per episode (the next turn already shows its error).
function chooseFault(digest: number, attempt: number, body: Record<string, unknown>): Fault {
  const u = createRng(digest).next();
  if (attempt === 0 && !JSON.stringify(body.messages).includes('Error:') && u < 0.3) return 'malformed-tool-json';
  if (attempt >= 3) return 'none';
  const v = createRng(digest + attempt + 1).next();
  if (v < 0.12) return 'rate-limit';
  if (v < 0.24) return 'server-error';
  if (v < 0.27) return 'hang';
  if (v < 0.45) return 'truncated-stream';
  return 'none';
}

describe('collecting through a faulty server', () => {
  it('retries 429 (after retry-after), 5xx, hangs and cut streams, corrects malformed calls, and gets the same episodes as a clean run', async () => {
    const clean = simConfig({ policies: [{ name: 'base', baseURL: 'sim', model: 'base' }, { name: 'rl', baseURL: 'sim', model: 'rl' }, { name: 'sft', baseURL: 'sim', model: 'sft', protocol: 'tags' }] });
    const cleanDir = tempDir();
    expect((await collectInto(clean, cleanDir)).complete).toBe(true);

    const simulator = loadSimulatorConfig();
    const tasks = await loadTaskSource(clean.tasks, simulator);
    const sim = await startSimServer({ tasks: tasks.tasks, world: tasks.world, policies: simulator.policies });
    closers.push(sim.close);
    const proxy = await startFaultProxy(sim.url, chooseFault);
    closers.push(proxy.close);
    const faulty = simConfig({
      policies: [
        { name: 'base', baseURL: proxy.url, model: 'base', protocol: 'tools' },
        { name: 'rl', baseURL: [proxy.url, proxy.url], model: 'rl', protocol: 'tools', stream: true },
        { name: 'sft', baseURL: proxy.url, model: 'sft', protocol: 'tags', stream: true },
      ],
      timeoutMs: 1000,
      retries: 4,
      retryBaseMs: 1,
      retryMaxMs: 5,
    });
    const delays: number[] = [];
    const dir = tempDir();
    const outcome = await collectInto(faulty, dir, { sleep: async (ms) => void delays.push(ms) });
    expect(outcome.complete, outcome.logs.join('\n')).toBe(true);

    for (const fault of ['rate-limit', 'server-error', 'hang', 'malformed-tool-json', 'truncated-stream'] as const) expect(proxy.applied[fault], fault).toBeGreaterThan(0);
    const transportFaults = proxy.applied['rate-limit'] + proxy.applied['server-error'] + proxy.applied.hang + proxy.applied['truncated-stream'];
    // A slow answer on a loaded machine may time out too: at least one retry per injected fault.
    expect(outcome.counts.retries).toBeGreaterThanOrEqual(transportFaults);
    // Every 429 was followed by a wait of at least its retry-after; the own backoff stays within 5 ms.
    expect(delays.filter((ms) => ms >= RETRY_AFTER_SECONDS * 1000)).toHaveLength(proxy.applied['rate-limit']);
    expect(delays.filter((ms) => ms > 5 && ms < RETRY_AFTER_SECONDS * 1000)).toHaveLength(0);

    const got = byKey(readCollectedFile(dir));
    const reference = byKey(readCollectedFile(cleanDir));
    expect([...got.keys()].sort()).toEqual([...reference.keys()].sort());
    let corrected = 0;
    for (const [key, episode] of got) {
      expect(essence(episode), key).toEqual(essence(reference.get(key)!));
      expect(assignRounds(episode.steps).rounds).toBeLessThanOrEqual(episode.budget!);
      corrected += episode.meta.collect.invalid_actions - reference.get(key)!.meta.collect.invalid_actions;
    }
    expect(corrected).toBe(proxy.applied['malformed-tool-json']);
  });

  it('stops at the request cap, keeps what finished, and resumes to the full grid', async () => {
    const config = simConfig({ maxRequests: 40 });
    const dir = tempDir();
    const first = await collectInto(config, dir);
    expect(first.complete).toBe(false);
    expect(first.stopped).toMatch(/request cap/);
    expect(first.counts.requests).toBe(40);
    const partial = readCollectedFile(dir).length;
    expect(partial).toBeGreaterThan(0);
    const second = await collectInto(simConfig(), dir);
    expect(second.complete).toBe(true);
    expect(second.counts.collected_now).toBe(108 - partial);
    expect(byKey(readCollectedFile(dir)).size).toBe(108);
  });
});
