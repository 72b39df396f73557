import { describe, expect, it } from 'vitest';
import type { EpisodeTrace, TaskRow } from '../../../../analyses/episode';
import { ConfigError } from '../../../../pipeline/errors';
import { clusterStage, parseClusterRange } from '../../../../pipeline/stages/cluster/stage';
import { labelStage } from '../../../../pipeline/stages/label/stage';
import { trace, type StepSpec } from '../../../analyses/strategy/trace-builder';
import { runWithFakeContext } from '../../../helpers/fake-context';

const NAMES = ['Orchid Harbor', 'Salt Bay', 'Iron Vale', 'Moss Gate', 'Ember Ridge', 'Frost Lane'];
const BRIDGES = ['Mara Quill', 'Ivo Marsh', 'Ada Pell', 'Rune Sato', 'Lio Vance', 'Tess Orm'];

const tasks: TaskRow[] = NAMES.map((name, i) => ({ task: `t${i}`, question: `What is the nationality of the director of ${name}?`, answers: ['French'], family: 'bridge', gold_docs: [] }));

// Three behaviours with nothing in common: answer from memory, one search, a two-hop search with a verification.
function steps(kind: number, i: number): StepSpec[] {
  const name = NAMES[i]!;
  const bridge = BRIDGES[i]!;
  if (kind === 0) return [['answer', 'French']];
  if (kind === 1) return [['search', `${name} director nationality`], ['result', `${name} is a film.`], ['answer', 'German']];
  return [
    ['search', `${name} director`],
    ['result', `${name} was directed by ${bridge}.`],
    ['search', `${bridge} nationality`],
    ['result', `${bridge} is French.`],
    ['search', `${bridge} French`],
    ['result', `${bridge} (French).`],
    ['answer', 'French'],
  ];
}

const traces: EpisodeTrace[] = [];
for (let kind = 0; kind < 3; kind++) {
  for (let i = 0; i < NAMES.length; i++) {
    for (let s = 0; s < 4; s++) {
      const policy = s % 2 === 0 ? 'base' : 'rl';
      traces.push(trace(steps(kind, i), { id: `${policy}/t${i}/k${kind}/${s}`, policy, task: `t${i}`, correct: kind !== 1 }));
    }
  }
}

async function labelOutput() {
  const { output, result } = await runWithFakeContext(labelStage, { inputs: { ingest: { 'tasks.jsonl': tasks, 'traces.jsonl': traces } }, params: { resamples: 0 } });
  return output.asInput('label', { summary: result.summary ?? [] });
}

describe('cluster stage', () => {
  it('writes one row per episode with the contract columns and finds the three behaviours', async () => {
    const label = await labelOutput();
    const { output, result } = await runWithFakeContext(clusterStage, { inputs: { label: await filesOf(label) }, params: { restarts: 3, stabilitySeeds: 3 } });
    expect(output.csvColumns('clusters.csv')).toEqual(['id', 'policy', 'task', 'family', 'budget', 'cluster', 'label', 'correct', 'pc1', 'pc2']);
    const rows = output.csvRows('clusters.csv');
    expect(rows.map((r) => r.id)).toEqual(traces.map((t) => t.id));
    const summary = output.jsonData<{
      k: number;
      silhouette_by_k: { k: number; silhouette: number }[];
      stability: { mean_ari: number };
      label_agreement: { ari: number; nmi: number };
      clusters: { size: number; size_by_policy: Record<string, number>; success_rate: number; typical_episodes: string[]; labels: Record<string, number>; distinctive_features: { feature: string }[] }[];
    }>('cluster_summary.json');
    expect(summary.k).toBe(3);
    // Three distinct behaviour vectors: k is capped at 3, and k = 3 puts every episode on its centroid.
    expect(summary.silhouette_by_k.map((s) => s.k)).toEqual([2, 3]);
    expect(summary.silhouette_by_k[1]!.silhouette).toBe(1);
    expect(summary.stability.mean_ari).toBeCloseTo(1, 9);
    expect(summary.label_agreement.ari).toBeCloseTo(1, 9);
    expect(summary.label_agreement.nmi).toBeCloseTo(1, 9);
    // Every cluster is one behaviour: its episodes share the kind in their id.
    for (const c of summary.clusters) {
      expect(c.size).toBe(24);
      expect(c.size_by_policy).toEqual({ base: 12, rl: 12 });
      expect(Object.keys(c.labels)).toHaveLength(1);
      const kinds = new Set(c.typical_episodes.map((id) => id.split('/')[2]));
      expect(kinds.size).toBe(1);
      expect(c.distinctive_features.length).toBeGreaterThan(0);
    }
    expect(summary.clusters.map((c) => c.success_rate).sort()).toEqual([0, 1, 1]);
    expect(result.summary![0]).toMatch(/k = 3/);
    const text = await clusterStage.inspect!(output.asInput('cluster', { summary: result.summary ?? [] }));
    expect(text).toMatch(/k=3: .*<- chosen/);
  });

  it('clusters a seeded sample and assigns the rest to the nearest centroid', async () => {
    const label = await labelOutput();
    const { output } = await runWithFakeContext(clusterStage, { inputs: { label: await filesOf(label) }, params: { sampleSize: 15, silhouetteSample: 10, restarts: 2, stabilitySeeds: 2 } });
    const summary = output.jsonData<{ sample_size: number; episodes: number; label_agreement: { ari: number } }>('cluster_summary.json');
    expect(summary).toMatchObject({ sample_size: 15, episodes: 72 });
    expect(output.csvRows('clusters.csv')).toHaveLength(72);
    expect(summary.label_agreement.ari).toBeGreaterThan(0.9);
  });

  it('is deterministic: identical bytes on a re-run', async () => {
    const files = await filesOf(await labelOutput());
    const a = await runWithFakeContext(clusterStage, { inputs: { label: files }, params: { restarts: 2, stabilitySeeds: 2, clusters: [2, 4] } });
    const b = await runWithFakeContext(clusterStage, { inputs: { label: files }, params: { restarts: 2, stabilitySeeds: 2, clusters: [2, 4] } });
    expect(a.output.content('clusters.csv')).toBe(b.output.content('clusters.csv'));
    expect(a.output.content('cluster_summary.json')).toBe(b.output.content('cluster_summary.json'));
  });

  it('puts everything in one cluster when behaviours do not differ, and handles no episodes', async () => {
    const same = traces.filter((t) => t.id.includes('/k0/'));
    const { output: labeled } = await runWithFakeContext(labelStage, { inputs: { ingest: { 'tasks.jsonl': tasks, 'traces.jsonl': same } }, params: { resamples: 0 } });
    const { output } = await runWithFakeContext(clusterStage, { inputs: { label: await filesOf(labeled.asInput('label')) } });
    expect(new Set(output.csvRows('clusters.csv').map((r) => r.cluster))).toEqual(new Set(['0']));
    expect(output.jsonData<{ k: number }>('cluster_summary.json').k).toBe(1);
    const empty = await runWithFakeContext(clusterStage, { inputs: { label: { 'features.jsonl': '' } } });
    expect(empty.output.csvRows('clusters.csv')).toEqual([]);
  });

  it('parses --clusters ranges', () => {
    expect(parseClusterRange('2..10')).toEqual([2, 10]);
    expect(parseClusterRange('4')).toEqual([4, 4]);
    expect(() => parseClusterRange('1..3')).toThrow(ConfigError);
    expect(() => parseClusterRange('5..3')).toThrow(ConfigError);
    expect(() => clusterStage.params.parse({ clusters: [5, 3] })).toThrow();
  });
});

async function filesOf(input: { text(file: string): Promise<string> }): Promise<Record<string, string>> {
  return { 'features.jsonl': await input.text('features.jsonl') };
}
