/**
 * ingest → label → cluster through the real runner, from FORMAT.md files on disk: parameters validate with
 * their defaults, manifests record the labeler, and an unchanged second run is fresh.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterStage } from '../../../pipeline/stages/cluster/stage';
import { ingestStage } from '../../../pipeline/stages/ingest/stage';
import { labelStage } from '../../../pipeline/stages/label/stage';
import { runStages, tempDir } from '../../helpers/run-stages';
import { TASKS, TRACES } from '../../helpers/label-fixture';

function writeInputs(dir: string): { tasks: string; trajectories: string } {
  const tasks = join(dir, 'tasks.jsonl');
  const trajectories = join(dir, 'trajectories.jsonl');
  writeFileSync(tasks, TASKS.map((t) => JSON.stringify({ task: t.task, question: t.question, answers: t.answers, family: t.family })).join('\n'));
  const lines = TRACES.map((trace) =>
    JSON.stringify({
      policy: trace.policy,
      task: trace.task,
      budget: trace.budget,
      sample: Number(trace.id.split('/').pop()),
      meta: trace.meta,
      steps: trace.steps.map((step) =>
        step.type === 'call'
          ? { type: 'call', tool: step.tool, args: { query: step.query } }
          : step.type === 'result'
            ? { type: 'result', tool: step.tool, text: step.text, docs: step.titles.map((title) => ({ title, text: '' })) }
            : step,
      ),
    }),
  );
  writeFileSync(trajectories, lines.join('\n'));
  return { tasks, trajectories };
}

describe('label and cluster through the runner', () => {
  it('runs from FORMAT.md inputs, records the labeler in the manifest, and is fresh when nothing changed', async () => {
    const inputs = tempDir('strategy-inputs-');
    const runDir = tempDir('strategy-run-');
    const { tasks, trajectories } = writeInputs(inputs);
    const plan = {
      stages: [
        { name: 'ingest', params: { tasks, trajectories: [trajectories] } },
        { name: 'label', params: { resamples: 20 } },
        { name: 'cluster', params: { restarts: 2, stabilitySeeds: 2 } },
      ],
      settings: { seed: 3, strict: false },
    };
    const first = await runStages([ingestStage, labelStage, clusterStage], plan, runDir);
    expect(first.outcomes.map((o) => [o.stage, o.status])).toEqual([['ingest', 'ran'], ['label', 'ran'], ['cluster', 'ran']]);
    const label = first.outcomes.find((o) => o.stage === 'label')!;
    expect(label.manifest.details['labeler']).toMatchObject({ name: 'auto' });
    expect(label.manifest.counts['episodes']).toBe(TRACES.length);
    const labels = readFileSync(join(label.dir, 'labels.csv'), 'utf8').trim().split('\n');
    expect(labels[0]).toBe('id,policy,task,family,budget,label,correct,calls,rounds,sequence,reading,read_targets');
    expect(labels.slice(1).map((line) => line.split(',')[5])).toEqual(['sequential', 'single-shot', 'parallel', 'verify', 'sequential', 'no-search', 'exhausted']);
    expect(first.captured.out.join('\n')).toMatch(/label: 7 episodes/);
    const cluster = first.outcomes.find((o) => o.stage === 'cluster')!;
    expect(readFileSync(join(cluster.dir, 'clusters.csv'), 'utf8').trim().split('\n')).toHaveLength(TRACES.length + 1);

    const second = await runStages([ingestStage, labelStage, clusterStage], plan, runDir);
    expect(second.outcomes.map((o) => o.status)).toEqual(['fresh', 'fresh', 'fresh']);
    for (const dir of [inputs, runDir]) rmSync(dir, { recursive: true, force: true });
  });
});
