/** A small generated environment and the default policies, shared by the simulator tests. */
import { createRng } from '../../../analyses/random/rng';
import { generateEnvironment } from '../../../pipeline/environment/tasks/generate-tasks';
import { FAMILIES, type Family } from '../../../pipeline/environment/tasks/sim-task';
import type { PolicyConfig } from '../../../pipeline/simulate/policy-config';
import type { SimulationSetup } from '../../../pipeline/simulate/simulate-episodes';
import { loadSimulatorConfig } from '../../../pipeline/simulate/simulator-config';

/** The shipped simulator config. */
export const config = loadSimulatorConfig();

/** A setup with `perFamily` generated tasks per family and the shipped policies. */
export function smallSetup(perFamily: number, overrides: Partial<SimulationSetup> = {}, families: readonly Family[] = FAMILIES): SimulationSetup {
  const { world, tasks } = generateEnvironment(config.world, families, perFamily, createRng(99));
  return { tasks, world, policies: config.policies, grid: { budgets: [0, 1, 2, 5], samples: 4 }, topK: 3, bm25: config.bm25, seed: 5, ...overrides };
}

/** A copy of a shipped policy with some parameters replaced. */
export function policyWith(name: string, changes: Partial<PolicyConfig>): PolicyConfig {
  return { ...structuredClone(config.policies[name]!), ...changes };
}
