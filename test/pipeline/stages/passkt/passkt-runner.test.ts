import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../pipeline/io/csv';
import { inspectStage } from '../../../../pipeline/cli/inspect';
import { StageRegistry } from '../../../../pipeline/runner/registry';
import { boundaryStage } from '../../../../pipeline/stages/boundary/stage';
import { ingestStage } from '../../../../pipeline/stages/ingest/stage';
import { passktStage } from '../../../../pipeline/stages/passkt/stage';
import { runStages, tempDir } from '../../../helpers/run-stages';

const jsonl = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).join('\n') + '\n';

/** An uncapped episode (tau-bench style logs): `rounds` search rounds, then an answer. */
function episode(policy: string, task: string, sample: number, rounds: number, correct: boolean) {
  const steps: unknown[] = [];
  for (let round = 0; round < rounds; round++) {
    steps.push({ type: 'call', tool: 'search', args: { query: `q${round}` }, round }, { type: 'result', tool: 'search', text: 'a result' });
  }
  steps.push({ type: 'answer', text: correct ? 'yes' : 'no' });
  return { policy, task, sample, steps, correct };
}

describe('ingest → passkt → boundary through the real runner', () => {
  it('thresholds uncapped trajectories, writes every output, and is fresh on a second run', async () => {
    const dir = tempDir('passkt-runner-');
    const tasks = ['t1', 't2', 't3'].map((task) => ({ task, question: `${task}?`, answers: ['yes'], family: 'bridge' }));
    // base: t1 correct once at 1 round; t2 correct once at 4 rounds; t3 never.
    // rl:   t1 correct twice at 0 rounds; t2 never; t3 correct once at 2 rounds.
    const trajectories = [
      episode('base', 't1', 0, 1, true), episode('base', 't1', 1, 2, false),
      episode('base', 't2', 0, 4, true), episode('base', 't2', 1, 1, false),
      episode('base', 't3', 0, 1, false), episode('base', 't3', 1, 3, false),
      episode('rl', 't1', 0, 0, true), episode('rl', 't1', 1, 0, true),
      episode('rl', 't2', 0, 2, false), episode('rl', 't2', 1, 5, false),
      episode('rl', 't3', 0, 2, true), episode('rl', 't3', 1, 1, false),
    ];
    writeFileSync(join(dir, 'tasks.jsonl'), jsonl(tasks));
    writeFileSync(join(dir, 'trajectories.jsonl'), jsonl(trajectories));
    const plan = {
      stages: [
        { name: 'ingest', params: { tasks: join(dir, 'tasks.jsonl'), trajectories: [join(dir, 'trajectories.jsonl')] } },
        { name: 'passkt', params: { resamples: 50 } },
        { name: 'boundary', params: { resamples: 50 } },
      ],
      settings: { seed: 3, strict: false },
    };
    const runDir = join(dir, 'run');
    const stages = [ingestStage, passktStage, boundaryStage];
    const first = await runStages(stages, plan, runDir);
    expect(first.outcomes.map((outcome) => outcome.status)).toEqual(['ran', 'ran', 'ran']);

    const passktDir = first.outcomes[1]?.dir as string;
    const pass = parseCsv(readFileSync(join(passktDir, 'passkt.csv'), 'utf8'));
    const at = (policy: string, budget: string, k: string) => pass.find((row) => row.policy === policy && row.budget === budget && row.k === k);
    // thresholded over the default grid 0,1,2,3,5: base pass@1 at T=1 = (1/2 + 0 + 0) / 3; at T=5 = (1/2 + 1/2) / 3
    expect(Number(at('base', '1', '1')?.pass)).toBeCloseTo(1 / 6, 12);
    expect(Number(at('base', '5', '1')?.pass)).toBeCloseTo(1 / 3, 12);
    expect(at('base', '0', '2')).toMatchObject({ pass: '0', mode: 'thresholded', tasks: '3' });
    expect(Number(at('rl', '2', '2')?.pass)).toBeCloseTo(2 / 3, 12);
    expect(Number(at('rl', 'all', '1')?.pass)).toBeCloseTo(1 / 2, 12);
    expect(first.captured.out.some((line) => line.startsWith('passkt: 12 episodes in 6 (policy, task) pairs — 0 capped, 6 thresholded'))).toBe(true);

    const boundaryDir = first.outcomes[2]?.dir as string;
    const boundary = parseCsv(readFileSync(join(boundaryDir, 'boundary.csv'), 'utf8'));
    // at T=5 (k = n = 2): base solves t1, t2; rl solves t1, t3
    expect(boundary.find((row) => row.budget === '5')).toMatchObject({ policy_a: 'rl', policy_b: 'base', k: '2', only_a: '1', only_b: '1', both: '1', neither: '0', p_value: '1' });
    const tasksJson = JSON.parse(readFileSync(join(boundaryDir, 'boundary_tasks.json'), 'utf8')) as { budget: number | string; only_a: string[]; only_b: string[] }[];
    expect(tasksJson.find((entry) => entry.budget === 5)).toMatchObject({ only_a: ['t3'], only_b: ['t2'] });

    const second = await runStages(stages, plan, runDir);
    expect(second.outcomes.map((outcome) => outcome.status)).toEqual(['fresh', 'fresh', 'fresh']);

    const registry = new StageRegistry(stages);
    expect(await inspectStage(registry, runDir, 'passkt')).toContain('bridge · rl (thresholded, 3 tasks)');
    // one shared task: too few for an efficiency verdict, whatever its degenerate interval says
    // The data ran uncapped: the headline names budget = all, never a T the episodes were not run under.
    expect(await inspectStage(registry, runDir, 'boundary')).toContain('bridge, T=all: rl vs base — no difference');
    expect(first.captured.out.filter((line) => /^passkt: bridge T=/.test(line)).every((line) => line.startsWith('passkt: bridge T=all '))).toBe(true);
    expect(first.captured.out.filter((line) => /^boundary: bridge, T=/.test(line)).every((line) => line.startsWith('boundary: bridge, T=all:'))).toBe(true);
  });
});
