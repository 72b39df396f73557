/**
 * Where a simulation's tasks come from: the generated world (default) or a HotpotQA distractor file.
 */
import type { Rng } from '../../analyses/random/rng';
import { generateEnvironment } from '../environment/tasks/generate-tasks';
import type { Family, SimTask } from '../environment/tasks/sim-task';
import type { World } from '../environment/world/entities';
import { hotpotqaSimTask } from '../environment/hotpotqa/hotpotqa-sim-tasks';
import { loadHotpotqa } from '../environment/hotpotqa/load-hotpotqa';
import type { SimulatorConfig } from './simulator-config';

/** The tasks to simulate and, for generated ones, their world. */
export interface SimulationSource {
  kind: 'generated' | 'hotpotqa';
  tasks: SimTask[];
  world?: World;
}

/** Generated tasks: a world and `perFamily` tasks of each family. */
export function generatedSource(config: SimulatorConfig, families: readonly Family[], perFamily: number, rng: Rng): SimulationSource {
  const { world, tasks } = generateEnvironment(config.world, families, perFamily, rng);
  return { kind: 'generated', tasks, world };
}

/** HotpotQA tasks from a file; at most `perFamily` per question type when a limit is given (file order). */
export function hotpotqaSource(path: string, perFamily: number | undefined): SimulationSource {
  const taken = new Map<string, number>();
  const tasks: SimTask[] = [];
  for (const row of loadHotpotqa(path)) {
    const count = taken.get(row.family) ?? 0;
    if (perFamily !== undefined && count >= perFamily) continue;
    taken.set(row.family, count + 1);
    tasks.push(hotpotqaSimTask(row));
  }
  return { kind: 'hotpotqa', tasks };
}
