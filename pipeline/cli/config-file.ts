import { z } from 'zod';
import { ConfigError } from '../errors';
import { describeIssues, readJsonFile } from '../io/read-json-file';

/** The `--config <file.json>` file: run settings and per-stage parameters. */
export const ConfigFileSchema = z
  .object({
    seed: z.number().int().optional(),
    strict: z.boolean().optional(),
    runDir: z.string().optional(),
    /** The reference policy of every comparison, set once for the whole run (the command line's --base wins). */
    base: z.string().min(1).optional(),
    skip: z.array(z.string()).optional(),
    stages: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  })
  .strict();

/** A parsed config file. */
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

/** Reads and validates a config file, with messages that name the bad key. */
export function readConfigFile(path: string): ConfigFile {
  const data = readJsonFile(path, 'the config file', 'Check the path given to --config.');
  const parsed = ConfigFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new ConfigError(
      `the config file ${path} is invalid: ${describeIssues(parsed.error.issues)}.`,
      'Allowed top-level keys: seed, strict, runDir, base, skip, stages (stages.<stage>.<parameter>, see README "Options").',
    );
  }
  return parsed.data;
}
