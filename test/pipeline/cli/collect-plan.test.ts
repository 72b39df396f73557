import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../pipeline/cli/build-plan';
import { resolvePlan } from '../../../pipeline/runner/plan';
import { pipelineRegistry } from '../../../pipeline/stages/registry';
import { tempDir } from '../../helpers/run-stages';

const registry = pipelineRegistry();

describe('buildPlan with --collect', () => {
  it('makes collect the source of the run, ordered first, in folder 01-collect, the other folders unchanged', () => {
    const plan = buildPlan(registry, {}, { flagValues: { collect: 'collect.json' } });
    const names = plan.stages.map((stage) => stage.name);
    expect(names).toContain('collect');
    expect(names).not.toContain('simulate');
    expect(plan.stages.find((stage) => stage.name === 'collect')!.params).toEqual({ config: 'collect.json' });
    expect(registry.folder('collect')).toBe('01-collect');
    expect(['simulate', 'import', 'ingest', 'report'].map((name) => registry.folder(name))).toEqual(['01-simulate', '02-import', '04-ingest', 'report']);
    const dir = tempDir();
    const config = join(dir, 'collect.json');
    writeFileSync(config, JSON.stringify({ policies: [{ name: 'rl', baseURL: 'sim', model: 'rl' }] }));
    const resolved = resolvePlan(buildPlan(registry, {}, { flagValues: { collect: config } }), registry);
    expect(resolved[0]!.definition.name).toBe('collect');
    // ingest reads the run's source: collect is its one upstream stage
    expect(resolved.find((stage) => stage.definition.name === 'ingest')!.upstream).toEqual(['collect']);
  });

  it('refuses --collect with --import or --trajectories', () => {
    expect(() => buildPlan(registry, {}, { flagValues: { collect: 'c.json', trajectories: ['t.jsonl'] } })).toThrow(/--collect and --trajectories cannot be combined/);
    expect(() => buildPlan(registry, {}, { flagValues: { collect: 'c.json', import: ['auto:x.jsonl'] } })).toThrow(/the sources import and collect cannot be combined/);
  });
});
