/**
 * The simulator's pure API: plays every (policy, task, budget, sample) episode through the search
 * tool and yields FORMAT.md trajectories one at a time (the caller streams them out; nothing is
 * accumulated). Each (policy, task, budget) group has its own random stream, so changing one policy,
 * task or budget leaves every other group's episodes unchanged.
 *
 *   for (const trajectory of simulateEpisodes({ tasks, world, policies, grid, topK: 3, seed: 7 })) …
 *
 * Planted-truth experiments pass policies that differ in one parameter only (integration, mixture,
 * phrasing weights): see docs/simulator.md.
 */
import { createRng } from '../../analyses/random/rng';
import type { Trajectory } from '../formats/trajectory';
import { DEFAULT_BM25, type Bm25Params } from '../environment/search/bm25';
import { SearchTool } from '../environment/search/search-tool';
import type { SimTask } from '../environment/tasks/sim-task';
import type { World } from '../environment/world/entities';
import { compilePolicy } from './compiled-policy';
import { EpisodeRecorder } from './episode-recorder';
import { playEpisode } from './plans/play';
import type { PolicyConfig } from './policy-config';
import type { Reader } from './readers/reader';
import { TextReader } from './readers/text-reader';
import { WorldReader } from './readers/world-reader';
import { trueStrategy } from './true-strategy';

/** Which budgets and how many samples per (policy, task, budget). */
export interface SimulationGrid {
  budgets: readonly number[];
  samples: number;
}

/** Everything a simulation needs. */
export interface SimulationSetup {
  tasks: readonly SimTask[];
  /** The world of generated tasks (tasks without a world, e.g. HotpotQA, are read from their text). */
  world?: World;
  policies: Readonly<Record<string, PolicyConfig>>;
  grid: SimulationGrid;
  /** Paragraphs per search result. */
  topK: number;
  bm25?: Bm25Params;
  seed: number;
}

/** What the simulator records in every trajectory's `meta`. */
export type SimulatedMeta = {
  simulated: true;
  /** The taxonomy label of what the episode did (TAXONOMY.md). */
  true_strategy: string;
  /** The strategy the policy set out to play (differs when the budget or the results changed the course). */
  planned_strategy: string;
  /** Present (true) when the budget stopped the plan early. */
  cut_by_budget?: true;
};

/** The number of episodes a setup yields. */
export function episodeCount(setup: Pick<SimulationSetup, 'tasks' | 'policies' | 'grid'>): number {
  return Object.keys(setup.policies).length * setup.tasks.length * setup.grid.budgets.length * setup.grid.samples;
}

/** The reader for a task: the world's facts for generated tasks, text heuristics otherwise. */
export function readerFor(task: SimTask, world: World | undefined): Reader {
  return task.truth && world ? new WorldReader(world, task) : new TextReader(task);
}

/** Yields every episode, policy by policy, task by task, budget by budget, sample by sample. */
export function* simulateEpisodes(setup: SimulationSetup): Generator<Trajectory & { meta: SimulatedMeta }> {
  const root = createRng(setup.seed);
  const tools = setup.tasks.map((task) => new SearchTool(task.row.docs, setup.topK, setup.bm25 ?? DEFAULT_BM25));
  const readers = setup.tasks.map((task) => readerFor(task, setup.world));
  for (const [name, config] of Object.entries(setup.policies)) {
    const policy = compilePolicy(name, config);
    for (const [t, task] of setup.tasks.entries()) {
      for (const budget of setup.grid.budgets) {
        // One stream per (policy, task, budget): its samples draw from it in turn, so a run with fewer
        // samples is a prefix of a run with more.
        const rng = root.fork(`${name}|${task.row.task}|${budget}`);
        for (let sample = 0; sample < setup.grid.samples; sample++) {
          const rec = new EpisodeRecorder(budget, tools[t]!);
          const planned = policy.mixture[task.plans].draw(rng)!;
          const answer = rec.answer(playEpisode({ task, policy, rec, reader: readers[t]!, rng }, planned));
          const meta: SimulatedMeta = { simulated: true, true_strategy: trueStrategy(rec.queries, answer), planned_strategy: planned };
          if (rec.cut) meta.cut_by_budget = true;
          yield { policy: name, task: task.row.task, sample, budget, steps: rec.steps, answer, meta };
        }
      }
    }
  }
}
