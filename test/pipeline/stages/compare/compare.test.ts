import { describe, expect, it } from 'vitest';
import type { EpisodeRow } from '../../../../analyses/episode';
import { compareStage } from '../../../../pipeline/stages/compare/stage';
import { retrievalStage } from '../../../../pipeline/stages/retrieval/stage';
import { createRng } from '../../../../analyses/random/rng';
import { generatePlanted, type PlantedPolicy } from '../../../analyses/mechanism/planted-generator';
import { runWithFakeContext } from '../../../helpers/fake-context';

const BASE: PlantedPolicy = {
  name: 'base',
  mixture: { 'single-shot': 0.5, reformulate: 0.3, sequential: 0.2 },
  queryQuality: 0.8,
  integration: 0.6,
  guess: 0.1,
};
const RL: PlantedPolicy = { ...BASE, name: 'rl', mixture: { 'single-shot': 0.2, sequential: 0.5, verify: 0.3 }, integration: 0.75 };

const planted = generatePlanted([BASE, RL], 20, 6, createRng('compare stage'));
const episodes: EpisodeRow[] = planted.map((e) => e.row);
const labels = planted.map((e) => ({ id: e.row.id, policy: e.row.policy, task: e.row.task, family: e.row.family, budget: e.row.budget, label: e.strategy, correct: e.row.correct, calls: 1, rounds: 1, sequence: '', reading: 'none', read_targets: 0 }));
const clusters = planted.map((e, i) => ({ id: e.row.id, policy: e.row.policy, task: e.row.task, family: e.row.family, budget: e.row.budget, cluster: i % 3, label: e.strategy, correct: e.row.correct, pc1: 0, pc2: 0 }));

async function inputs(withClusters: boolean) {
  const retrieval = await runWithFakeContext(retrievalStage, { inputs: { ingest: { 'episodes.jsonl': episodes } } });
  return {
    ingest: { 'episodes.jsonl': episodes },
    label: { 'labels.csv': labels },
    retrieval: { 'retrieval.csv': retrieval.output.content('retrieval.csv') },
    ...(withClusters ? { cluster: { 'clusters.csv': clusters } } : {}),
  };
}

describe('compare stage', () => {
  it('writes the three tables, for rule labels and clusters, with exactly additive terms', async () => {
    const { output, result } = await runWithFakeContext(compareStage, { params: { resamples: 100 }, inputs: await inputs(true) });
    expect(output.names()).toEqual(['compare_frequencies.csv', 'decomposition.csv', 'retrieval_decomposition.csv']);
    const decomposition = output.csvRows('decomposition.csv');
    expect(new Set(decomposition.map((r) => `${r.scheme}/${r.variant}`))).toEqual(
      new Set(['label/a_ref', 'label/b_ref', 'label/symmetric', 'cluster/a_ref', 'cluster/b_ref', 'cluster/symmetric']),
    );
    for (const row of decomposition) {
      // Read back from the CSV text: full precision survives the round trip.
      expect(Math.abs(Number(row.reweighting) + Number(row.within) + Number(row.support) - Number(row.total))).toBeLessThan(1e-12);
    }
    for (const row of output.csvRows('retrieval_decomposition.csv')) {
      expect(Math.abs(Number(row.retrieval) + Number(row.integration) - Number(row.total))).toBeLessThan(1e-12);
      expect(row.definition).toBe('gold_docs');
    }
    const verify = output.csvRows('compare_frequencies.csv').find((r) => r.scheme === 'label' && r.strategy === 'verify')!;
    // policy_a is the compared policy (rl), policy_b the base: verify is new in rl
    expect(verify).toMatchObject({ policy_a: 'rl', policy_b: 'base', support: 'gained', count_b: '0' });
    expect(verify.acc_b).toBe(''); // undefined success rate: empty cell
    expect(Number(verify.share_diff)).toBeCloseTo(Number(verify.share_a), 15);
    const reformulate = output.csvRows('compare_frequencies.csv').find((r) => r.scheme === 'label' && r.strategy === 'reformulate')!;
    expect(reformulate.support).toBe('lost');
    expect(result.summary![1]).toMatch(/^compare: bridge, T=5: rl vs base accuracy [+-]\d\.\d{3} = reweighting .* \+ new\/lost [+-]\d\.\d{3} \[.*\].* \(new in rl: verify .*; lost by rl: reformulate .*\); retrieval .*, integration .* \(with the evidence .*, without .*\)/);
    const symmetric = decomposition.find((r) => r.scheme === 'label' && r.variant === 'symmetric')!;
    expect(symmetric).toMatchObject({ policy_a: 'rl', policy_b: 'base', new_strategies: 'verify', lost_strategies: 'reformulate' });
    expect(Number(symmetric.total)).toBeCloseTo(Number(symmetric.acc_a) - Number(symmetric.acc_b), 15);
    expect(result.counts).toMatchObject({ episodes: episodes.length, unlabeled: 0, unclustered: 0, groups: 1 });
  });

  it('is deterministic for a seed and changes with it', async () => {
    const a = await runWithFakeContext(compareStage, { params: { resamples: 50 }, inputs: await inputs(false), seed: 7 });
    const b = await runWithFakeContext(compareStage, { params: { resamples: 50 }, inputs: await inputs(false), seed: 7 });
    const c = await runWithFakeContext(compareStage, { params: { resamples: 50 }, inputs: await inputs(false), seed: 8 });
    expect(a.output.content('decomposition.csv')).toBe(b.output.content('decomposition.csv'));
    expect(a.output.content('compare_frequencies.csv')).toBe(b.output.content('compare_frequencies.csv'));
    expect(a.output.content('decomposition.csv')).not.toBe(c.output.content('decomposition.csv'));
  });

  it('works without the cluster stage and says so', async () => {
    const { output, result, record } = await runWithFakeContext(compareStage, { params: { resamples: 20 }, inputs: await inputs(false) });
    expect(new Set(output.csvRows('decomposition.csv').map((r) => r.scheme))).toEqual(new Set(['label']));
    expect(record.warn.join('\n')).toMatch(/cluster stage is not part of this run/);
    expect(result.details!.schemes).toEqual(['label']);
  });

  it('counts unlabeled episodes in their own category instead of dropping them', async () => {
    const given = await inputs(false);
    const { output, result } = await runWithFakeContext(compareStage, {
      params: { resamples: 20 },
      inputs: { ...given, label: { 'labels.csv': labels.slice(10) } },
    });
    expect(result.counts!.unlabeled).toBe(10);
    const unlabeled = output.csvRows('compare_frequencies.csv').find((r) => r.strategy === 'unlabeled')!;
    expect(Number(unlabeled.count_a) + Number(unlabeled.count_b)).toBe(10);
  });

  it('stops with a user error naming the policies when the reference set is not in the data', async () => {
    await expect(runWithFakeContext(compareStage, { params: { base: 'sft', resamples: 20 }, inputs: await inputs(false) })).rejects.toThrow(
      /the reference policy "sft" \(--base, or "base" in the config file\) is not a policy of the data; the policies are "base", "rl"/,
    );
  });

  it('leaves outcome-only episodes out, counted per policy, and skips with a hint when the reference has no trace', async () => {
    const given = await inputs(false);
    const withMissing = [...episodes, { ...episodes[0]!, id: 'rl-missing-1', policy: 'rl', trace: 'missing' }, { ...episodes[0]!, id: 'rl-missing-2', policy: 'rl', trace: 'missing' }];
    const full = await runWithFakeContext(compareStage, { params: { resamples: 20 }, inputs: { ...given, ingest: { 'episodes.jsonl': withMissing } } });
    expect(full.result.counts).toMatchObject({ episodes_in: episodes.length + 2, episodes_used: episodes.length, left_out_trace_missing: 2, unlabeled: 0 });
    expect(full.result.summary).toContain(`compare: left out 2 of ${episodes.length + 2} episodes without a trace (outcome only): rl 2`);
    const onlyBaseMissing = episodes.map((row) => (row.policy === 'base' ? { ...row, trace: 'missing' } : row));
    const { output, result } = await runWithFakeContext(compareStage, { params: { resamples: 20 }, inputs: { ...given, ingest: { 'episodes.jsonl': onlyBaseMissing } } });
    expect(result.summary!.join('\n')).toMatch(/compare: skipped — the reference policy "base" has no episodes with a trace \(policies with one: rl\)/);
    expect(output.csvRows('decomposition.csv')).toEqual([]);
  });

  it('compares label/reading when episodes of a family and budget read what they found', async () => {
    const given = await inputs(false);
    // Every rl episode read 3 distinct targets; base episodes read nothing.
    const reading = labels.map((row) => ({ ...row, reading: row.policy === 'rl' ? 'deep' : 'none', read_targets: row.policy === 'rl' ? 3 : 0 }));
    const { output, result } = await runWithFakeContext(compareStage, { params: { resamples: 20 }, inputs: { ...given, label: { 'labels.csv': reading } } });
    const strategies = new Set(output.csvRows('compare_frequencies.csv').filter((r) => r.scheme === 'label').map((r) => r.strategy));
    expect([...strategies].sort()).toEqual(['reformulate/none', 'sequential/deep', 'sequential/none', 'single-shot/deep', 'single-shot/none', 'verify/deep']);
    expect(result.summary).toContain('compare: strategies are label/reading (e.g. single-shot/deep) in bridge, T=5, where episodes read what they found');
    expect(result.details!.reading_groups).toEqual(['bridge, T=5']);
    // Reading depth is a strategy difference now: sequential/none (base) and sequential/deep (rl) share no support.
    const sequentialDeep = output.csvRows('compare_frequencies.csv').find((r) => r.scheme === 'label' && r.strategy === 'sequential/deep')!;
    // (policy_a is rl, the compared policy: the strategy is new in rl)
    expect(sequentialDeep).toMatchObject({ policy_a: 'rl', support: 'gained', count_b: '0' });
  });

  it('compares against another base given with --base', async () => {
    const { output } = await runWithFakeContext(compareStage, { params: { base: 'rl', resamples: 20 }, inputs: await inputs(false) });
    const rows = output.csvRows('decomposition.csv');
    expect(rows.every((r) => r.policy_a === 'base' && r.policy_b === 'rl')).toBe(true);
    expect(compareStage.cli!.map((f) => f.flags)).toContain('--base <policy>');
  });

  it('inspect prints the headline from the written files', async () => {
    const { output, result } = await runWithFakeContext(compareStage, { params: { resamples: 50 }, inputs: await inputs(true) });
    const text = await compareStage.inspect!(output.asInput('compare', { details: result.details ?? {} }));
    const lines = text.split('\n');
    expect(lines[0]).toBe('strategy scheme: label; accuracy of a − b = symmetric (Shapley) shift-share; intervals: task-clustered bootstrap; (thin): the term rests on strategy cells with fewer than 30 tasks or 100 episodes');
    expect(lines[1]).toBe(result.summary![1]!.replace(/^compare: /, ''));
    expect(text).toMatch(/Rao–Scott p .* \(design effect \d+\.\d\d; naive p .*\).*new in rl: verify; lost: reformulate/);
  });
});

describe('compare stage without the label stage', () => {
  it('writes only the retrieval decomposition (all episodes) and says why', async () => {
    const given = await inputs(false);
    const { output, result, record } = await runWithFakeContext(compareStage, {
      params: { resamples: 20 },
      inputs: { ingest: given.ingest, retrieval: given.retrieval },
    });
    expect(output.csvRows('decomposition.csv')).toEqual([]);
    expect(output.csvRows('retrieval_decomposition.csv').map((r) => r.label)).toEqual(['all']);
    expect(record.warn.join('\n')).toMatch(/label stage is not part of this run/);
    expect(result.summary![1]).toMatch(/^compare: bridge, T=5: rl vs base accuracy [+-]\d\.\d{3}; retrieval/);
  });
});
