import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TaskSchema } from '../../../../pipeline/formats/task';
import { TrajectorySchema } from '../../../../pipeline/formats/trajectory';
import type { RunPlan } from '../../../../pipeline/runner/plan';
import { StageRegistry } from '../../../../pipeline/runner/registry';
import { stageInput } from '../../../../pipeline/runner/stage-io';
import { SIMULATE_FLAGS, simulateStage } from '../../../../pipeline/stages/simulate/stage';
import type { PlantedTruth } from '../../../../pipeline/simulate/planted-truth';
import { runStages, tempDir } from '../../../helpers/run-stages';

const FIXTURE = join(process.cwd(), '../shared/fixtures/hotpotqa/distractor-100.json');

function plan(params: Record<string, unknown>, seed = 7): RunPlan {
  return { stages: [{ name: 'simulate', params }], settings: { seed, strict: false } };
}

async function simulate(params: Record<string, unknown>, seed = 7) {
  const runDir = tempDir('simulate-stage-');
  const { outcomes, captured } = await runStages([simulateStage], plan(params, seed), runDir);
  const dir = outcomes[0]!.dir;
  const lines = (file: string) => readFileSync(join(dir, file), 'utf8').trimEnd().split('\n');
  return { dir, runDir, outcome: outcomes[0]!, captured, lines, planted: JSON.parse(readFileSync(join(dir, 'planted.json'), 'utf8')) as PlantedTruth };
}

const small = { tasksPerFamily: 4, samples: 3, budgets: [0, 2, 5] };

describe('simulate stage', () => {
  it('writes FORMAT.md tasks and trajectories, marked simulated, and the planted truth', async () => {
    const { lines, planted, outcome, captured } = await simulate(small);
    const tasks = lines('tasks.jsonl').map((line) => JSON.parse(line));
    expect(tasks).toHaveLength(12);
    for (const task of tasks) {
      expect(TaskSchema.safeParse(task).success).toBe(true);
      expect(task.docs).toHaveLength(10);
    }
    const trajectories = lines('trajectories.jsonl').map((line) => JSON.parse(line));
    expect(trajectories).toHaveLength(3 * 12 * 3 * 3);
    for (const t of trajectories) {
      expect(TrajectorySchema.safeParse(t).success).toBe(true);
      expect(t.meta.simulated).toBe(true);
      expect(typeof t.meta.true_strategy).toBe('string');
    }
    expect(planted.simulated).toBe(true);
    expect(planted.episodes).toBe(trajectories.length);
    expect(planted.tasks_per_family).toEqual({ bridge: 4, comparison: 4, 'closed-book': 4 });
    expect(Object.keys(planted.policies)).toEqual(['base', 'rl', 'sft']);
    // The realized strategy counts match the trajectories.
    const count = trajectories.filter((t) => t.policy === 'rl' && t.budget === 5 && t.task.startsWith('bridge') && t.meta.true_strategy === 'sequential').length;
    expect(planted.strategy_frequencies.rl!.bridge!['5']!.true.sequential ?? 0).toBeCloseTo(count / 12, 12);
    expect(outcome.manifest.counts.episodes).toBe(trajectories.length);
    expect(captured.out.join('\n')).toMatch(/^SIMULATED data \(generated world\): 324 episodes/m);
  });

  it('writes identical bytes for the same seed and other episodes for another', async () => {
    const a = await simulate(small);
    const b = await simulate(small);
    const c = await simulate(small, 8);
    for (const file of ['tasks.jsonl', 'trajectories.jsonl', 'planted.json']) {
      expect(readFileSync(join(b.dir, file))).toEqual(readFileSync(join(a.dir, file)));
    }
    expect(readFileSync(join(c.dir, 'trajectories.jsonl'))).not.toEqual(readFileSync(join(a.dir, 'trajectories.jsonl')));
  });

  it('is fresh on a second run and stale when the simulator config changes', async () => {
    const config = join(tempDir('simconfig-'), 'sim.json');
    const shipped = readFileSync(join(process.cwd(), 'data/simulator.config.json'), 'utf8');
    writeFileSync(config, shipped);
    const params = { ...small, config };
    const first = await simulate(params);
    const again = await runStages([simulateStage], plan(params), first.runDir);
    expect(again.outcomes[0]!.status).toBe('fresh');
    writeFileSync(config, shipped.replace('"integration": 0.72', '"integration": 0.5'));
    const changed = await runStages([simulateStage], plan(params), first.runDir);
    expect(changed.outcomes[0]!.status).toBe('ran');
  });

  it('sizes the quick preset small, and plays only the policies asked for', async () => {
    const { planted } = await simulate({ quick: true, budgets: [1], policies: ['sft'] });
    expect(planted.grid.samples).toBe(16);
    expect(planted.tasks).toBe(60);
    expect(Object.keys(planted.policies)).toEqual(['sft']);
    await expect(simulate({ ...small, policies: ['ppo'] })).rejects.toThrow(/unknown policy ppo/);
  });

  it('prints a readable summary for inspect', async () => {
    const { dir, outcome } = await simulate(small);
    const text = await simulateStage.inspect!(stageInput('simulate', dir, outcome.manifest));
    expect(text).toMatch(/^SIMULATED data \(generated tasks\)/);
    expect(text).toContain('rl / bridge: planned');
  });

  it('declares the CLI flags of the issue', () => {
    const flags = SIMULATE_FLAGS.map((f) => f.flags.split(' ')[0]);
    expect(flags).toEqual(['--tasks-per-family', '--samples', '--budgets', '--quick', '--hotpotqa', '--simulator-config']);
    const budgets = SIMULATE_FLAGS.find((f) => f.param === 'budgets')!;
    expect(budgets.parse!('0,1, 3')).toEqual([0, 1, 3]);
    expect(() => SIMULATE_FLAGS.find((f) => f.param === 'samples')!.parse!('many')).toThrow(/whole number/);
    expect(new StageRegistry([simulateStage]).names()).toEqual(['simulate']);
  });

  describe.skipIf(!existsSync(FIXTURE))('with --hotpotqa on the shared fixture', () => {
    if (!existsSync(FIXTURE)) console.warn(`skipping the --hotpotqa stage test: ${FIXTURE} is absent`);

    it('simulates the real questions with their own paragraphs', async () => {
      const { lines, planted } = await simulate({ hotpotqa: FIXTURE, tasksPerFamily: 5, samples: 2, budgets: [3] });
      const tasks = lines('tasks.jsonl').map((line) => JSON.parse(line));
      expect(tasks).toHaveLength(10);
      expect(planted.source).toBe('hotpotqa');
      expect(planted.tasks_per_family).toEqual({ bridge: 5, comparison: 5 });
      const docs = new Map(tasks.map((t) => [t.task, new Set(t.docs.map((d: { id: string }) => d.id))]));
      for (const line of lines('trajectories.jsonl')) {
        const t = JSON.parse(line);
        expect(TrajectorySchema.safeParse(t).success).toBe(true);
        for (const step of t.steps) if (step.type === 'result') for (const d of step.docs) expect(docs.get(t.task)!.has(d.id)).toBe(true);
      }
    });
  });
});
