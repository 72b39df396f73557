/**
 * The random streams of the simulate stage, derived from its seed: one for generating the environment,
 * one seed for the episodes. Shared by the stage and by the pass@k self-check so both see the same data.
 */
import { createRng, hashString, type Rng } from '../../analyses/random/rng';

/** The environment stream and the episode seed of a simulate stage seeded with `stageSeed`. */
export function stageRandom(stageSeed: number): { environment: Rng; episodes: number } {
  const rng = createRng(stageSeed);
  return { environment: rng.fork('environment'), episodes: rng.fork('episodes').int(2 ** 32) };
}

/** The simulate stage's seed for a run seed, as the runner derives it (`hash("<run seed>:simulate")`). */
export function simulateStageSeed(runSeed: number): number {
  return hashString(`${runSeed}:simulate`);
}

/** The run seed of `npm run pipeline` when none is given (pipeline/cli/build-plan.ts). */
export const DEFAULT_RUN_SEED = 20260425;
