import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCollectConfig, readCollectConfig } from '../../../pipeline/collect/config';
import { ConfigError } from '../../../pipeline/errors';
import { tempDir } from '../../helpers/run-stages';
import { collectInto, simConfig } from './helpers';

const policy = { name: 'base', baseURL: 'http://127.0.0.1:8000/v1', model: 'Qwen/Qwen2.5-7B-Instruct' };

describe('the collect config', () => {
  it('fills documented defaults', () => {
    const config = parseCollectConfig({ policies: [policy] }, 'x');
    expect(config).toMatchObject({ budgets: [0, 1, 2, 3, 5], samples: 8, topK: 3, concurrency: 16, retries: 6, extraSteps: 2, tasks: {} });
    expect(config.policies[0]).toMatchObject({ protocol: 'tools', temperature: 1, top_p: 1, max_tokens: 512, stream: false, extra: {} });
  });

  it('names the key of every mistake', () => {
    const bad = (raw: unknown) => () => parseCollectConfig(raw, 'c.json');
    expect(bad({ policies: [{ ...policy, protocl: 'tags' }] })).toThrow(/"policies.0": unknown key "protocl"/);
    expect(bad({ policies: [policy, policy] })).toThrow(/policy names must be unique/);
    expect(bad({ policies: [{ ...policy, extra: { messages: [] } }] })).toThrow(/extra may not set/);
    expect(bad({ policies: [policy], budgets: [-1] })).toThrow(/"budgets.0"/);
    expect(bad({ policies: [policy], tasks: { file: 'a.jsonl', seed: 3 } })).toThrow(/built-in world only/);
    expect(bad({ policies: [] })).toThrow(ConfigError);
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), '{"policies": [');
    expect(() => readCollectConfig(join(dir, 'c.json'))).toThrow(/not valid JSON/);
    expect(() => readCollectConfig(join(dir, 'missing.json'))).toThrow(/cannot read the collect config/);
  });

  it('refuses a simulator model that does not exist, and a missing API key variable, before any request', async () => {
    await expect(collectInto(simConfig({ policies: [{ name: 'x', baseURL: 'sim', model: 'gpt-4o' }] }), tempDir())).rejects.toThrow(/the simulator has no model "gpt-4o"/);
    const keyed = simConfig({ policies: [{ name: 'x', baseURL: 'sim', model: 'rl', apiKeyEnv: 'PASSKT_TEST_UNSET_KEY' }] });
    await expect(collectInto(keyed, tempDir())).rejects.toThrow(/PASSKT_TEST_UNSET_KEY/);
  });

  it('stops with one clear message when a server is unreachable or lacks the model', async () => {
    const unreachable = simConfig({ policies: [{ name: 'x', baseURL: 'http://127.0.0.1:9/v1', model: 'm' }], timeoutMs: 2000 });
    await expect(collectInto(unreachable, tempDir())).rejects.toThrow(/cannot reach http:\/\/127\.0\.0\.1:9\/v1/);
  });
});
