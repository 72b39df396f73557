import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../pipeline/cli/build-plan';
import { UserError } from '../../../pipeline/errors';
import { resolvePlan } from '../../../pipeline/runner/plan';
import { StageRegistry } from '../../../pipeline/runner/registry';
import { boundaryStage } from '../../../pipeline/stages/boundary/stage';
import { clusterStage } from '../../../pipeline/stages/cluster/stage';
import { ingestStage, parseShard } from '../../../pipeline/stages/ingest/stage';
import { labelStage } from '../../../pipeline/stages/label/stage';
import { mergeStage } from '../../../pipeline/stages/merge/stage';
import { passktStage } from '../../../pipeline/stages/passkt/stage';
import { reportStage } from '../../../pipeline/stages/report/stage';
import { scoreStage } from '../../../pipeline/stages/score/stage';
import { statsStage } from '../../../pipeline/stages/stats/stage';
import { swapStage } from '../../../pipeline/stages/swap/stage';

const registry = new StageRegistry([ingestStage, passktStage, boundaryStage, reportStage, labelStage, clusterStage, statsStage, mergeStage]);
const plan = (flagValues: Record<string, unknown>, skip?: string[]) => buildPlan(registry, {}, { flagValues, skip });
const names = (flagValues: Record<string, unknown>, skip?: string[]) => plan(flagValues, skip).stages.map((stage) => stage.name);

describe('buildPlan: shard and merge runs', () => {
  it('leaves stats and merge out of a default run', () => {
    expect(names({ trajectories: ['t.jsonl'] })).toEqual(['ingest', 'passkt', 'boundary', 'report', 'label', 'cluster']);
  });

  it('has ingest write traces.jsonl only when the run plans the label stage that reads it', () => {
    const ingestParams = (skip?: string[]) => plan({ trajectories: ['t.jsonl'] }, skip).stages.find((stage) => stage.name === 'ingest')!.params;
    expect(ingestParams().traces).toBeUndefined();
    expect(ingestParams(['label', 'cluster'])).toMatchObject({ traces: false });
    expect(plan({ trajectories: ['t.jsonl'], shard: '0/2' }, ['label']).stages[0]!.params).toMatchObject({ traces: false });
  });

  it('plans ingest, label and stats for --shard i/N (and honours --skip)', () => {
    const sharded = plan({ trajectories: ['t.jsonl'], shard: '1/4' });
    expect(sharded.stages.map((stage) => stage.name)).toEqual(['ingest', 'label', 'stats']);
    expect(sharded.stages[0]!.params.shard).toEqual(parseShard('1/4'));
    expect(names({ trajectories: ['t.jsonl'], shard: '0/2' }, ['label'])).toEqual(['ingest', 'stats']);
  });

  it('plans merge, passkt from the merged statistics, boundary and report for --merge', () => {
    const merging = plan({ merge: ['run-0', 'run-1'] });
    // label too: in a merge run it writes the tables the summed label statistics determine
    expect(merging.stages.map((stage) => stage.name)).toEqual(['passkt', 'boundary', 'report', 'label', 'merge']);
    expect(merging.stages.find((stage) => stage.name === 'merge')!.params.shards).toEqual(['run-0', 'run-1']);
    // the runner orders merge first: passkt reads the merged statistics instead of ingest's episodes
    const resolved = resolvePlan(merging, registry);
    expect(resolved.map((stage) => stage.definition.name)).toEqual(['merge', 'passkt', 'boundary', 'label', 'report']);
    expect(resolved.find((stage) => stage.definition.name === 'passkt')!.upstream).toEqual(['merge']);
    expect(resolved.find((stage) => stage.definition.name === 'label')!.upstream).toEqual(['merge']);
    expect(names({ merge: ['run-0'] }, ['report'])).toEqual(['passkt', 'boundary', 'label', 'merge']);
  });

  it('refuses --merge with trajectories, tasks or --shard', () => {
    expect(() => plan({ merge: ['run-0'], trajectories: ['t.jsonl'], shard: '0/2' })).toThrow(UserError);
    expect(() => plan({ merge: ['run-0'], trajectories: ['t.jsonl'], shard: '0/2' })).toThrow(/--merge cannot be combined with --trajectories, --shard/);
    expect(() => plan({ merge: ['run-0'], tasks: 'tasks.jsonl' })).toThrow(/--tasks/);
  });
});

describe('buildPlan: the model-access experiments run on request', () => {
  const withExperiments = new StageRegistry([ingestStage, passktStage, reportStage, scoreStage, swapStage]);
  const planned = (flagValues: Record<string, unknown>) => buildPlan(withExperiments, {}, { flagValues }).stages.map((stage) => stage.name);

  it('leaves score and swap out unless asked for; --scorer asks for score', () => {
    expect(planned({ trajectories: ['t.jsonl'] })).toEqual(['ingest', 'passkt', 'report']);
    expect(planned({ trajectories: ['t.jsonl'], score: true })).toEqual(['ingest', 'passkt', 'report', 'score']);
    expect(planned({ trajectories: ['t.jsonl'], scorer: 'sim#base' })).toEqual(['ingest', 'passkt', 'report', 'score']);
    expect(planned({ trajectories: ['t.jsonl'], swap: true, plan: 'rl', reasoning: 'base' })).toEqual(['ingest', 'passkt', 'report', 'swap']);
  });

  it('orders the report after them, and sets the shared flags on both', () => {
    const plan = buildPlan(withExperiments, {}, { flagValues: { trajectories: ['t.jsonl'], score: true, swap: true, base: 'b0', resamples: '50', policy: 'rl,sft' } });
    expect(resolvePlan(plan, withExperiments).map((stage) => stage.definition.name)).toEqual(['ingest', 'passkt', 'score', 'swap', 'report']);
    expect(plan.stages.find((stage) => stage.name === 'score')!.params).toMatchObject({ enabled: true, base: 'b0', resamples: 50, policies: ['rl', 'sft'] });
    expect(plan.stages.find((stage) => stage.name === 'swap')!.params).toMatchObject({ enabled: true, base: 'b0', resamples: 50 });
  });
});

describe('buildPlan: one reference policy for the run', () => {
  const bases = (config: Record<string, unknown>, flagValues: Record<string, unknown> = {}) =>
    Object.fromEntries(buildPlan(registry, config, { flagValues: { trajectories: ['t.jsonl'], ...flagValues } }).stages.filter((s) => 'base' in s.params).map((s) => [s.name, s.params.base]));

  it('gives the top-level base of the config file to every comparing stage; --base wins', () => {
    expect(bases({ base: 'qwen-base' })).toEqual({ passkt: 'qwen-base', boundary: 'qwen-base', label: 'qwen-base' });
    expect(bases({ base: 'qwen-base' }, { base: 'rl' })).toEqual({ passkt: 'rl', boundary: 'rl', label: 'rl' });
    expect(bases({})).toEqual({});
  });

  it('refuses base set for one stage, which would let stages compare in opposite directions', () => {
    expect(() => bases({ stages: { passkt: { base: 'rl' } } })).toThrow(/sets "base" for stages\.passkt: the reference policy is one setting for the whole run/);
  });
});
