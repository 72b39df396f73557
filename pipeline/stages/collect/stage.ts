/**
 * collect: a source stage. Runs a collection (pipeline/collect) from the config given with
 * `--collect <collect.json>` into its collection folder (the config's `out`, default runs/collect, where
 * `npm run collect` works too, so either resumes the other), then copies `tasks.jsonl` and
 * `trajectories.jsonl` into the stage folder for ingest, with the config it ran (`collect-config.json`,
 * paths absolute: the score and swap stages reach the same servers through it). The data is labelled
 * collected, never simulated.
 */
import { copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { UserError } from '../../errors';
import { DEFAULT_COLLECT_OUT, readCollectConfig, withAbsolutePaths, type CollectConfig } from '../../collect/config';
import { collectConfigFile } from '../../tables/collect-config';
import { OUT_FILES } from '../../collect/out-dir';
import { runCollection } from '../../collect/run-collection';
import { usesSimulator } from '../../collect/transports';
import { defineStage } from '../../runner/stage';
import { DEFAULT_SIMULATOR_CONFIG } from '../../simulate/simulator-config';
import { taskSourceFiles, usesBuiltInWorld } from '../../task-source/task-source';

/** Parameters of the collect stage. */
export const CollectParams = z
  .object({
    /** The collect config file (docs/collect.md). */
    config: z.string().min(1),
    /** The collection folder (default: the config's `out`, else runs/collect). */
    out: z.string().min(1).optional(),
  })
  .strict();

// The files a collection reads: the config, its tasks file, and the simulator config when it is used.
function stageFiles(params: z.infer<typeof CollectParams>): string[] {
  const config: CollectConfig = readCollectConfig(params.config);
  const simulator = usesBuiltInWorld(config.tasks) || usesSimulator(config) ? [config.simulatorConfig ?? DEFAULT_SIMULATOR_CONFIG] : [];
  return [params.config, ...taskSourceFiles(config.tasks), ...simulator];
}

/** The collect stage. */
export const collectStage = defineStage({
  name: 'collect',
  folder: '01-collect',
  description: 'collect rollouts from OpenAI-compatible servers (or the built-in simulator server) as the source of the run',
  inputs: [],
  modes: ['analysis', 'shard'],
  source: { requested: (params) => params.config !== undefined },
  params: CollectParams,
  externalFiles: stageFiles,
  cliGroup: 'collect',
  cli: [
    { flags: '--collect <file>', description: 'collect rollouts with this collect config, then analyse them (docs/collect.md)', param: 'config' },
    { flags: '--collect-out <dir>', description: 'the collection folder of --collect (default: the config\'s "out", else runs/collect)', param: 'out' },
  ],
  async run(ctx) {
    const config = readCollectConfig(ctx.externalFiles[0]!);
    const outDir = resolve(ctx.params.out ?? config.out ?? DEFAULT_COLLECT_OUT);
    const outcome = await runCollection({
      config,
      outDir,
      log: (line) => ctx.log.info(line),
      progress: (total) => ctx.progress('episodes', total),
    });
    if (!outcome.complete) {
      for (const line of outcome.summary) ctx.log.info(line);
      throw new UserError(`collect: the collection in ${outDir} is incomplete (${outcome.stopped}); the analyses need the whole grid.`, 'Fix the cause if there is one and run the same command again: finished episodes are kept.');
    }
    for (const file of [OUT_FILES.tasks, OUT_FILES.trajectories]) await copyFile(join(outDir, file), join(ctx.out.dir, file));
    await collectConfigFile.write(ctx.out, withAbsolutePaths(config, outDir));
    return { counts: outcome.counts, summary: outcome.summary, details: { ...outcome.details, out: outDir } };
  },
});
