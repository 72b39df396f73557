import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LabeledEpisode } from '../../../../analyses/strategy/labeled-episode';
import { ConfigError } from '../../../../pipeline/errors';
import { labelStage } from '../../../../pipeline/stages/label/stage';
import { trace } from '../../../analyses/strategy/trace-builder';
import { startMockJudge } from '../../judge/mock-server';
import { runWithFakeContext } from '../../../helpers/fake-context';
import { TASKS, TRACES } from '../../../helpers/label-fixture';

const inputs = { ingest: { 'tasks.jsonl': TASKS, 'traces.jsonl': TRACES } };
const cacheRoot = mkdtempSync(join(tmpdir(), 'label-judge-'));
afterAll(() => rmSync(cacheRoot, { recursive: true, force: true }));

describe('label stage', () => {
  it('writes labels.csv with the contract columns, one row per episode', async () => {
    const { output, result } = await runWithFakeContext(labelStage, { inputs, params: { resamples: 50 } });
    expect(output.csvColumns('labels.csv')).toEqual(['id', 'policy', 'task', 'family', 'budget', 'label', 'correct', 'calls', 'rounds', 'sequence', 'reading', 'read_targets']);
    expect(output.csvRows('labels.csv')).toEqual([
      { id: 'base/t1/3/0', policy: 'base', task: 't1', family: 'bridge', budget: '3', label: 'sequential', correct: 'true', calls: '2', rounds: '2', sequence: 'orchid harbor director || mara quill nationality', reading: 'none', read_targets: '0' },
      { id: 'base/t1/3/1', policy: 'base', task: 't1', family: 'bridge', budget: '3', label: 'single-shot', correct: 'false', calls: '1', rounds: '1', sequence: 'orchid harbor director nationality', reading: 'none', read_targets: '0' },
      { id: 'base/t2/3/0', policy: 'base', task: 't2', family: 'comparison', budget: '3', label: 'parallel', correct: 'true', calls: '2', rounds: '2', sequence: 'velvet lantern formed || copper atlas formed', reading: 'none', read_targets: '0' },
      { id: 'rl/t1/3/0', policy: 'rl', task: 't1', family: 'bridge', budget: '3', label: 'verify', correct: 'true', calls: '3', rounds: '3', sequence: 'orchid harbor director || mara quill nationality || mara quill french', reading: 'none', read_targets: '0' },
      { id: 'rl/t1/3/1', policy: 'rl', task: 't1', family: 'bridge', budget: '3', label: 'sequential', correct: 'true', calls: '2', rounds: '2', sequence: 'orchid harbor director || mara quill nationality', reading: 'none', read_targets: '0' },
      { id: 'rl/t2/3/0', policy: 'rl', task: 't2', family: 'comparison', budget: '3', label: 'no-search', correct: 'false', calls: '0', rounds: '0', sequence: '', reading: 'none', read_targets: '0' },
      { id: 'sft/t2/3/0', policy: 'sft', task: 't2', family: 'comparison', budget: '3', label: 'exhausted', correct: 'false', calls: '1', rounds: '1', sequence: 'velvet lantern', reading: 'none', read_targets: '0' },
    ]);
    expect(result.counts).toMatchObject({ episodes_in: 7, episodes_used: 7, episodes: 7, 'label:sequential': 2, 'label:exhausted': 1 });
    expect(result.details!['labeler']).toMatchObject({ name: 'auto', params: { toolRoles: {} } });
    expect(result.details!['tool_roles']).toEqual({ roles: { search: { search: 11 } }, other_tools: [], overrides: {} });
    expect(output.unclosed()).toEqual([]);
  });

  it('keeps the audit features TAXONOMY.md asks for in features.jsonl', async () => {
    const { output } = await runWithFakeContext(labelStage, { inputs, params: { resamples: 0 } });
    const records = output.jsonlRecords<LabeledEpisode>('features.jsonl');
    expect(records.map((r) => r.id)).toEqual(TRACES.map((t) => t.id));
    const verify = records.find((r) => r.id === 'rl/t1/3/0')!;
    expect(verify).toMatchObject({ label: 'verify', kind: 'taxonomy', calls: 3, rounds: 3, candidate: 'french', candidate_first_result: 2, candidate_before_last_call: true, true_strategy: 'verify' });
    expect(verify.evidence).toMatch(/query 3 searches the candidate "french"/);
    expect(verify.queries[1]!.terms).toEqual([
      { term: 'mara', source: 'result 1', bridge: true },
      { term: 'quill', source: 'result 1', bridge: true },
    ]);
    expect(verify.queries[0]).toMatchObject({ sim_previous: null });
    expect(typeof verify.queries[0]!.sim_question).toBe('number');
  });

  it('counts unique sequences and overlap with the base policy, with bootstrap summaries', async () => {
    const { output } = await runWithFakeContext(labelStage, { inputs, params: { resamples: 50 } });
    const rl1 = output.csvRows('sequences.csv').find((r) => r.policy === 'rl' && r.task === 't1')!;
    // rl on t1: {A||B, A||B||C}; base on t1: {A||B, D}. Shared: A||B.
    expect(rl1).toMatchObject({ episodes: '2', unique_sequences: '2', shared_with_base: '1', share_in_base: '0.5', base_unique_sequences: '2', share_of_base: '0.5', novel_sequences: '1', episode_share_in_base: '0.5' });
    const diversity = output.csvRows('diversity.csv');
    expect(output.csvColumns('diversity.csv').slice(0, 7)).toEqual(['policy', 'family', 'budget', 'base', 'tasks', 'episodes', 'mean_unique']);
    expect(diversity.find((r) => r.policy === 'rl' && r.family === 'bridge')).toMatchObject({ base: 'base', tasks: '1', mean_unique: '2', share_in_base: '0.5' });
  });

  it('reports recovery of planted strategies per class and per policy', async () => {
    const { output, result } = await runWithFakeContext(labelStage, { inputs, params: { resamples: 0 } });
    const all = output.csvRows('label_accuracy.csv').filter((r) => r.policy === 'all');
    expect(all.map((r) => [r.true_label, r.recovered, r.episodes])).toEqual([
      ['no-search', '1', '1'],
      ['verify', '1', '1'],
      ['sequential', '2', '2'],
      ['parallel', '1', '1'],
      ['single-shot', '1', '2'],
      ['all', '6', '7'],
    ]);
    expect(output.csvRows('label_confusion.csv')).toContainEqual({ policy: 'all', true_label: 'single-shot', label: 'exhausted', episodes: '1' });
    expect(result.details!['recovery']).toMatchObject({ accuracy: 6 / 7, confusion: { 'single-shot': { exhausted: 1, 'single-shot': 1 } } });
    expect(result.summary!.join('\n')).toMatch(/planted strategies recovered 85\.7% of 7/);
    const frequencies = output.csvRows('label_frequencies.csv').filter((r) => r.policy === 'sft');
    expect(frequencies).toEqual([
      { policy: 'sft', family: 'comparison', budget: '3', label: 'exhausted', episodes: '1', share: '1', true_episodes: '0', true_share: '0' },
      { policy: 'sft', family: 'comparison', budget: '3', label: 'single-shot', episodes: '0', share: '0', true_episodes: '1', true_share: '1' },
    ]);
    const text = await labelStage.inspect!(output.asInput('label', { summary: result.summary ?? [] }));
    expect(text).toMatch(/sft: exhausted 1 \(100\.0%\)/);
    expect(text).toMatch(/all single-shot: 1\/2 = 50\.0%/);
  });

  it('is deterministic: same inputs and seed give identical bytes', async () => {
    const a = await runWithFakeContext(labelStage, { inputs, params: { resamples: 100 } });
    const b = await runWithFakeContext(labelStage, { inputs, params: { resamples: 100 } });
    expect(a.output.names()).toEqual(b.output.names());
    for (const file of a.output.names()) expect(a.output.content(file)).toBe(b.output.content(file));
  });

  it('labels non-search agents by tool signature and writes no accuracy table without planted truth', async () => {
    const tau = [
      trace([['call', 'get_user', 'U1'], ['result', '{}'], ['call', 'get_user', 'U1'], ['call', 'cancel_reservation', 'R1'], ['answer', 'done']], { id: 'x1', policy: 'agent', task: 'c1', family: 'tau', budget: null }),
      trace([['call', 'get_user', 'U2'], ['answer', 'no']], { id: 'x2', policy: 'agent', task: 'c1', family: 'tau', budget: null }),
    ];
    const { output, record, result } = await runWithFakeContext(labelStage, {
      inputs: { ingest: { 'tasks.jsonl': [{ task: 'c1', question: 'Cancel my trip', answers: [], family: 'tau', gold_docs: [] }], 'traces.jsonl': tau } },
      params: { resamples: 0 },
    });
    expect(output.csvRows('labels.csv').map((r) => [r.label, r.budget, r.sequence])).toEqual([
      ['get_user>cancel_reservation', '', 'get_user: u1 || get_user: u1 || cancel_reservation: r1'],
      ['get_user', '', 'get_user: u2'],
    ]);
    expect(output.names()).not.toContain('label_accuracy.csv');
    expect(record.warn).toEqual([]);
    expect(result.summary).toContain('label: reference policy "agent" (the only policy; choose another with --base)');
    expect(result.summary).toContain('label: tool roles: other get_user (3 calls), cancel_reservation (1 call)');
  });

  it('uses the configured tool roles and labeler', async () => {
    const steps = trace([['call', 'wiki', 'Orchid Harbor'], ['result', 'x'], ['answer', 'French']], { id: 'w1' });
    const run = (params: Record<string, unknown>) => runWithFakeContext(labelStage, { inputs: { ingest: { 'tasks.jsonl': TASKS, 'traces.jsonl': [steps] } }, params: { resamples: 0, ...params } });
    expect((await run({})).output.csvRows('labels.csv')[0]!.label).toBe('wiki');
    expect((await run({ toolRoles: { wiki: 'search' } })).output.csvRows('labels.csv')[0]!.label).toBe('single-shot');
    expect((await run({ toolRoles: { 'wik*': 'read' } })).output.csvRows('labels.csv')[0]).toMatchObject({ label: 'no-search', reading: 'brief', read_targets: '1' });
    expect((await run({ labeler: 'rules' })).output.csvRows('labels.csv')[0]!.label).toBe('no-search');
    expect(() => labelStage.params.parse({ labeler: 'magic' })).toThrow();
  });

  it('gives reading depth beside the primary label, leaves outcome-only episodes out, and records the tool roles', async () => {
    const reader = trace(
      [['search', 'Orchid Harbor director'], ['result', 'Orchid Harbor (film)', ['Orchid Harbor']], ['call', 'view_sections', 'orchid_harbor'], ['result', 'plot, cast'], ['call', 'read_section', 'orchid_harbor:cast'], ['result', 'Mara Quill'], ['call', 'read_section', 'orchid_harbor:cast'], ['call', 'read_section', 'orchid_harbor:plot'], ['call', 'calculator', '1+1'], ['answer', 'French']],
      { id: 'rl/t1/3/9', policy: 'rl' },
    );
    const outcomeOnly = { ...trace([], { id: 'rl/t1/3/8', policy: 'rl', answer: 'French' }), trace: 'missing' as const };
    const { output, result } = await runWithFakeContext(labelStage, { inputs: { ingest: { 'tasks.jsonl': TASKS, 'traces.jsonl': [TRACES[0], reader, outcomeOnly] } }, params: { resamples: 0 } });
    expect(output.csvRows('labels.csv').map((r) => [r.id, r.label, r.reading, r.read_targets])).toEqual([
      ['base/t1/3/0', 'sequential', 'none', '0'],
      ['rl/t1/3/9', 'single-shot', 'deep', '3'],
    ]);
    expect(result.counts).toMatchObject({ episodes_in: 3, episodes_used: 2, left_out_trace_missing: 1, episodes: 2 });
    expect(result.summary).toContain('label: left out 1 of 3 episodes without a trace (outcome only): rl 1');
    expect(result.summary).toContain('label: reading deep 50.0%, none 50.0% (distinct read targets: none 0, brief 1-2, deep 3+)');
    expect(result.summary).toContain('label: tool roles: search search (3 calls); read read_section (3 calls), view_sections (1 call); other calculator (1 call)');
    expect(result.details!['tool_roles']).toEqual({
      roles: { search: { search: 3 }, read: { read_section: 3, view_sections: 1 }, other: { calculator: 1 } },
      other_tools: ['calculator'],
      overrides: {},
    });
  });

  it('declares the CLI flags and parses their values', () => {
    const flag = (param: string) => labelStage.cli!.find((f) => f.param === param)!;
    expect(labelStage.cli!.map((f) => f.flags.split(' ')[0])).toEqual(
      expect.arrayContaining(['--base', '--labeler', '--judge-url', '--judge-model', '--judge-max-calls', '--judge-cache']),
    );
    expect(flag('toolRoles').parse!(['open_url=read', 'get_*=other', 'a=b=search'])).toEqual({ open_url: 'read', 'get_*': 'other', 'a=b': 'search' });
    expect(() => flag('toolRoles').parse!(['open_url=reader'])).toThrow(ConfigError);
    expect(() => flag('toolRoles').parse!(['=read'])).toThrow(ConfigError);
    expect(flag('toolRoles').repeatable).toBe(true);
    expect(flag('judgeMaxCalls').parse!('25')).toBe(25);
    expect(() => flag('judgeMaxCalls').parse!('lots')).toThrow(ConfigError);
  });

  it('asks the LLM judge on a sample, measures agreement, and costs nothing on a re-run', async () => {
    // The mock judge agrees with the rules except on verify, which it calls sequential.
    const server = await startMockJudge((id) => ({ kind: 'ok', label: id === 'rl/t1/3/0' ? 'sequential' : id === 'base/t1/3/1' ? 'single-shot' : id.endsWith('t2/3/0') && id.startsWith('base') ? 'parallel' : id === 'rl/t2/3/0' ? 'no-search' : id === 'sft/t2/3/0' ? 'exhausted' : 'sequential' }));
    try {
      const params = { resamples: 0, judgeUrl: server.url, judgeModel: 'mock', judgeCache: join(cacheRoot, 'c'), judgeSample: 100, judgeRetries: 0 };
      const first = await runWithFakeContext(labelStage, { inputs, params });
      const rows = first.output.csvRows('judge_labels.csv');
      expect(rows).toHaveLength(7);
      expect(rows.find((r) => r.id === 'rl/t1/3/0')).toMatchObject({ rule_label: 'verify', judge_label: 'sequential', source: 'model' });
      const agreement = first.output.jsonData<{ compared: number; accuracy: number; kappa: number; prompt_version: string }>('judge_agreement.json');
      expect(agreement.compared).toBe(7);
      expect(agreement.accuracy).toBeCloseTo(6 / 7, 12);
      // kappa by hand: rule labels {seq 2, single 1, parallel 1, verify 1, no-search 1, exhausted 1}, judge {seq 3, others 1 each but verify 0}
      const chance = (2 * 3 + 1 + 1 + 0 + 1 + 1) / 49;
      expect(agreement.kappa).toBeCloseTo((6 / 7 - chance) / (1 - chance), 12);
      expect(first.result.summary!.join('\n')).toMatch(/judge: mock on 7 sampled episodes: 0 cached, 7 sent/);
      const second = await runWithFakeContext(labelStage, { inputs, params });
      expect(second.output.csvRows('judge_labels.csv').every((r) => r.source === 'cache')).toBe(true);
      expect(server.total()).toBe(7);
    } finally {
      await server.close();
    }
  });
});
