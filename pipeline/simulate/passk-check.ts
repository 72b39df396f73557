/**
 * A self-check of the simulator's output: pass@k per (policy, family, budget) from generated episodes,
 * with the project's unbiased estimator (analyses/stats/pass-at-k), correctness by normalized exact match. It is the
 * tuning loop of the default policies (and a test checks the planted picture with it); the analysis
 * proper lives in analyses/passkt.
 *
 *   npx tsx pipeline/simulate/passk-check.ts [tasksPerFamily] [samples] [budgets e.g. 0,1,2,3,5] [config.json] [run seed]
 */
import { passAtK } from '../../analyses/stats/pass-at-k';
import { exactMatch } from '../../analyses/text/exact-match';
import type { Trajectory } from '../formats/trajectory';
import { FAMILIES, type SimTask } from '../environment/tasks/sim-task';
import { generateEnvironment } from '../environment/tasks/generate-tasks';
import { loadSimulatorConfig } from './simulator-config';
import { simulateEpisodes } from './simulate-episodes';
import { DEFAULT_RUN_SEED, simulateStageSeed, stageRandom } from './stage-random';

/** Correct counts per (policy, family, budget, task). */
export class CorrectTally {
  readonly counts = new Map<string, Map<string, { n: number; c: number }>>();
  private readonly tasks: Map<string, SimTask>;

  constructor(tasks: readonly SimTask[]) {
    this.tasks = new Map(tasks.map((t) => [t.row.task, t]));
  }

  /** Adds one episode. */
  add(trajectory: Trajectory): void {
    const task = this.tasks.get(trajectory.task)!;
    const key = `${trajectory.policy}|${task.row.family}|${trajectory.budget}`;
    let group = this.counts.get(key);
    if (!group) this.counts.set(key, (group = new Map()));
    const cell = group.get(trajectory.task) ?? { n: 0, c: 0 };
    cell.n += 1;
    if (exactMatch(trajectory.answer ?? null, task.row.answers)) cell.c += 1;
    group.set(trajectory.task, cell);
  }

  /** Mean pass@k over the tasks of a (policy, family, budget) group. */
  passAtK(policy: string, family: string, budget: number, k: number): number {
    const group = this.counts.get(`${policy}|${family}|${budget}`);
    if (!group || group.size === 0) return NaN;
    let sum = 0;
    for (const { n, c } of group.values()) sum += passAtK(n, c, Math.min(k, n));
    return sum / group.size;
  }
}

async function main(): Promise<void> {
  const [perFamily = '100', samples = '64', budgets = '0,1,2,3,5', configPath, runSeed = String(DEFAULT_RUN_SEED)] = process.argv.slice(2);
  const config = loadSimulatorConfig(configPath);
  const grid = { budgets: budgets.split(',').map(Number), samples: Number(samples) };
  // The same streams as the simulate stage of a run with this seed: the numbers are the default data's.
  const random = stageRandom(simulateStageSeed(Number(runSeed)));
  const { world, tasks } = generateEnvironment(config.world, FAMILIES, Number(perFamily), random.environment);
  const tally = new CorrectTally(tasks);
  const familyOf = new Map(tasks.map((t) => [t.row.task, t.row.family]));
  const strategies = new Map<string, number>();
  const started = performance.now();
  let episodes = 0;
  let bytes = 0;
  for (const t of simulateEpisodes({ tasks, world, policies: config.policies, grid, topK: 3, bm25: config.bm25, seed: random.episodes })) {
    tally.add(t);
    episodes += 1;
    bytes += JSON.stringify(t).length + 1;
    const key = `${t.policy}|${familyOf.get(t.task)}|${t.budget}|${t.meta.true_strategy}`;
    strategies.set(key, (strategies.get(key) ?? 0) + 1);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`${episodes} episodes in ${seconds.toFixed(1)} s (${Math.round(episodes / seconds)} episodes/s incl. JSON), mean ${Math.round(bytes / episodes)} bytes/episode`);
  const ks = [1, 2, 4, 8, 16, 32, 64].filter((k) => k <= grid.samples);
  for (const family of FAMILIES) {
    for (const budget of grid.budgets) {
      console.log(`\n${family} T=${budget}   ${ks.map((k) => `k=${k}`.padStart(6)).join('')}`);
      for (const policy of Object.keys(config.policies)) {
        console.log(`  ${policy.padEnd(6)}      ${ks.map((k) => tally.passAtK(policy, family, budget, k).toFixed(3).padStart(6)).join('')}`);
      }
    }
  }
  const maxT = Math.max(...grid.budgets);
  console.log(`\ntrue strategies at T=${maxT}:`);
  for (const family of FAMILIES) {
    for (const policy of Object.keys(config.policies)) {
      const row = [...strategies].filter(([k]) => k.startsWith(`${policy}|${family}|${maxT}|`));
      const total = row.reduce((s, [, n]) => s + n, 0);
      console.log(`  ${family} ${policy}: ${row.map(([k, n]) => `${k.split('|')[3]} ${(n / total).toFixed(2)}`).join(', ')}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
