/** Shared pieces of the collector tests: configs over the simulator, running a collection, reading it back. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCollectConfig, type CollectConfig } from '../../../pipeline/collect/config';
import { runCollection, type CollectOutcome, type CollectRunOptions } from '../../../pipeline/collect/run-collection';
import type { Trajectory } from '../../../pipeline/formats/trajectory';

/** A config over the built-in world, every policy on the in-process simulator unless overridden. */
export function simConfig(overrides: Record<string, unknown> = {}): CollectConfig {
  return parseCollectConfig(
    {
      policies: ['base', 'rl', 'sft'].map((name) => ({ name, baseURL: 'sim', model: name })),
      tasks: { families: ['bridge', 'comparison'], perFamily: 3, seed: 5 },
      budgets: [0, 2],
      samples: 3,
      seed: 9,
      concurrency: 8,
      ...overrides,
    },
    'test config',
  );
}

/** Runs a collection in-process with logs captured. */
export async function collectInto(config: CollectConfig, outDir: string, extra: Partial<CollectRunOptions> = {}): Promise<CollectOutcome & { logs: string[] }> {
  const logs: string[] = [];
  const outcome = await runCollection({ config, outDir, log: (line) => logs.push(line), progress: () => ({ tick() {}, setTotal() {}, stop() {} }), ...extra });
  return { ...outcome, logs };
}

/** A collected trajectory with its meta. */
export type Collected = Trajectory & { meta: { collect: Record<string, unknown> & { rounds: number; invalid_actions: number } } };

/** The trajectories of an output folder, in file order. */
export function readCollectedFile(dir: string): Collected[] {
  return readFileSync(join(dir, 'trajectories.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Collected);
}

/** The (policy, task, budget, sample) key of an episode. */
export function keyOf(t: Trajectory): string {
  return `${t.policy}|${t.task}|${t.budget}|${t.sample}`;
}

/** What an episode did, without transport details: its searches by round and its answer. */
export function essence(t: Trajectory): { searches: string[]; answer: string | null | undefined } {
  return { searches: t.steps.flatMap((step) => (step.type === 'call' ? [`${step.round}:${JSON.stringify(step.args)}`] : [])), answer: t.answer };
}

/** Episodes by key, refusing duplicates. */
export function byKey(trajectories: readonly Collected[]): Map<string, Collected> {
  const map = new Map<string, Collected>();
  for (const t of trajectories) {
    if (map.has(keyOf(t))) throw new Error(`duplicate episode ${keyOf(t)}`);
    map.set(keyOf(t), t);
  }
  return map;
}
