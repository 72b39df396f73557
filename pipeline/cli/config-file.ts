import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, InputFileError } from '../errors';

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
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputFileError(`cannot read the config file ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`, 'Check the path given to --config.');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`the config file ${path} is not valid JSON (${(error as Error).message}).`, 'Fix the JSON syntax.');
  }
  const parsed = ConfigFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => (issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : `"${issue.path.map(String).join('.')}": ${issue.message}`))
      .join('; ');
    throw new ConfigError(
      `the config file ${path} is invalid: ${problems}.`,
      'Allowed top-level keys: seed, strict, runDir, base, skip, stages (stages.<stage>.<parameter>, see README "Options").',
    );
  }
  return parsed.data;
}
