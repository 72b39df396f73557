import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, InputFileError } from '../../../pipeline/errors';
import { loadSimulatorConfig, parseSimulatorConfig } from '../../../pipeline/simulate/simulator-config';
import { config } from './small-setup';

const withPolicy = (changes: Record<string, unknown>) => ({ ...config, policies: { base: { ...config.policies.base!, ...changes } } });

describe('simulator config', () => {
  it('ships base, rl and sft with the study\'s three roles', () => {
    expect(Object.keys(config.policies)).toEqual(['base', 'rl', 'sft']);
    // RL plans sequential decomposition far more than base; SFT nearly only one strategy.
    const share = (p: string, s: string) => {
      const m = config.policies[p]!.mixture.bridge;
      return (m[s] ?? 0) / Object.values(m).reduce((a, b) => a + b, 0);
    };
    expect(share('rl', 'sequential')).toBeGreaterThan(3 * share('base', 'sequential'));
    expect(share('sft', 'sequential')).toBeGreaterThan(0.9);
    expect(config.policies.rl!.integration).toBeGreaterThanOrEqual(config.policies.base!.integration);
  });

  it('rejects strategies a family cannot plan, unknown phrasings and empty mixtures, naming the field', () => {
    const mixture = config.policies.base!.mixture;
    expect(() => parseSimulatorConfig(withPolicy({ mixture: { ...mixture, comparison: { verify: 1 } } }), 'c.json')).toThrow(
      /c\.json: policies\.base\.mixture\.comparison\.verify: strategy "verify" cannot be planned on comparison/,
    );
    expect(() => parseSimulatorConfig(withPolicy({ mixture: { ...mixture, bridge: { sequential: 0 } } }), 'c.json')).toThrow(/needs a positive weight/);
    expect(() => parseSimulatorConfig(withPolicy({ phrasing: { bridge: { hop2: { shout: 1 } } } }), 'c.json')).toThrow(/unknown phrasing/);
    expect(() => parseSimulatorConfig(withPolicy({ phrasing: { bridge: { hop9: { entity: 1 } } } }), 'c.json')).toThrow(/unknown plan step/);
    expect(() => parseSimulatorConfig(withPolicy({ integration: 1.5 }), 'c.json')).toThrow(ConfigError);
    expect(() => parseSimulatorConfig({ ...config, extra: 1 }, 'c.json')).toThrow(ConfigError);
  });

  it('says what to do about unreadable or malformed files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'simconfig-'));
    expect(() => loadSimulatorConfig(join(dir, 'missing.json'))).toThrow(InputFileError);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "policies": ');
    expect(() => loadSimulatorConfig(broken)).toThrow(/not valid JSON/);
  });
});
