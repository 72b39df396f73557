/**
 * The generated task set: a world sized for the number of tasks, then each requested family's tasks,
 * each family from its own random stream so that adding a family does not change another's tasks.
 */
import type { Rng } from '../../../analyses/random/rng';
import type { World } from '../world/entities';
import { generateWorld } from '../world/generate-world';
import type { WorldConfig } from '../world/world-config';
import { bridgeTasks } from './bridge-tasks';
import { closedBookTasks } from './closed-book-tasks';
import { comparisonTasks } from './comparison-tasks';
import { NameIndex } from './name-index';
import type { Family, SimTask } from './sim-task';

/** A world and its tasks. */
export interface GeneratedEnvironment {
  world: World;
  tasks: SimTask[];
}

/** Generates the world and `perFamily` tasks of each family. */
export function generateEnvironment(config: WorldConfig, families: readonly Family[], perFamily: number, rng: Rng): GeneratedEnvironment {
  const world = generateWorld(config, perFamily, rng.fork('world'));
  const index = new NameIndex(world);
  const tasks: SimTask[] = [];
  for (const family of families) {
    const familyRng = rng.fork(`tasks:${family}`);
    if (family === 'bridge') {
      const options = {
        descriptiveRate: config.descriptiveQuestionRate,
        crowdedRate: config.crowdedBridgeRate,
        crowdedNamesakes: Math.max(1, config.maxHomonyms - 1),
      };
      tasks.push(...bridgeTasks(world, index, perFamily, options, familyRng));
    } else if (family === 'comparison') tasks.push(...comparisonTasks(world, index, perFamily, familyRng));
    else tasks.push(...closedBookTasks(world, perFamily, familyRng));
  }
  return { world, tasks };
}
