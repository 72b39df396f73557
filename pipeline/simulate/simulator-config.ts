/**
 * The simulator's one config file: BM25 parameters, world generator knobs and the policies.
 * The default is data/simulator.config.json; `--simulator-config <file>` replaces it.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError } from '../errors';
import { readJsonFile } from '../io/read-json-file';
import { WorldConfigSchema } from '../environment/world/world-config';
import { PolicyConfigSchema } from './policy-config';

/** The whole simulator config. */
export const SimulatorConfigSchema = z
  .object({
    /** Free text: the file says what it is. */
    $comment: z.string().optional(),
    bm25: z.object({ k1: z.number().positive(), b: z.number().min(0).max(1) }).strict(),
    world: WorldConfigSchema,
    policies: z.record(z.string().min(1), PolicyConfigSchema).refine((p) => Object.keys(p).length > 0, 'at least one policy is needed'),
  })
  .strict();

/** The simulator config. */
export type SimulatorConfig = z.infer<typeof SimulatorConfigSchema>;

/** Path of the shipped default config. */
export const DEFAULT_SIMULATOR_CONFIG = fileURLToPath(new URL('../../data/simulator.config.json', import.meta.url));

/** Validates a parsed config; a mistake becomes a ConfigError naming the file and the field. */
export function parseSimulatorConfig(raw: unknown, source: string): SimulatorConfig {
  const parsed = SimulatorConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ConfigError(
    `${source}: ${issue.path.join('.') || '(top level)'}: ${issue.message}.`,
    'Fix the simulator config (see docs/simulator.md for every field), or drop --simulator-config to use the default.',
  );
}

/** Reads and validates a simulator config file (the default one when no path is given). */
export function loadSimulatorConfig(path: string = DEFAULT_SIMULATOR_CONFIG): SimulatorConfig {
  const raw = readJsonFile(path, 'the simulator config', 'Check the path given to --simulator-config.');
  return parseSimulatorConfig(raw, path);
}
