#!/usr/bin/env node
/**
 * `npm run collect -- --config collect.json [--out dir] [--dry-run]`: collects rollouts from
 * OpenAI-compatible servers (docs/collect.md). Results on stdout, progress and logs on stderr; Ctrl-C
 * stops after writing what finished (exit 130) and the same command resumes. User mistakes exit 2.
 */
import { Command } from 'commander';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, describeError, UserError } from '../errors';
import { DEFAULT_COLLECT_OUT, readCollectConfig } from './config';
import { episodeBar } from './progress-bar';
import { runCollection } from './run-collection';

function positive(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${flag} needs a positive whole number, got "${value}".`);
    return n;
  };
}

/** Runs the command; returns the exit code. */
export async function main(argv: string[], signal?: AbortSignal): Promise<number> {
  const program = new Command('collect')
    .description('collect rollouts from OpenAI-compatible servers (or the built-in simulator server)')
    .requiredOption('--config <file>', 'collect config (JSON; see docs/collect.md)')
    .option('--out <dir>', `output folder (default: the config's "out", else ${DEFAULT_COLLECT_OUT})`)
    .option('--dry-run', 'print the plan (episodes, upper bounds on requests and tokens) and stop')
    .option('--concurrency <n>', 'requests in flight at once (overrides the config)', positive('--concurrency'))
    .option('--max-requests <n>', 'request cap for this run (overrides the config)', positive('--max-requests'))
    .exitOverride()
    .configureOutput({ writeOut: (text) => process.stdout.write(text), writeErr: (text) => process.stderr.write(text) });
  try {
    program.parse(argv, { from: 'user' });
    const options = program.opts<{ config: string; out?: string; dryRun?: boolean; concurrency?: number; maxRequests?: number }>();
    const config = readCollectConfig(options.config);
    if (options.concurrency !== undefined) config.concurrency = options.concurrency;
    if (options.maxRequests !== undefined) config.maxRequests = options.maxRequests;
    const outDir = resolve(options.out ?? config.out ?? DEFAULT_COLLECT_OUT);
    const outcome = await runCollection({
      config,
      outDir,
      dryRun: options.dryRun,
      signal,
      log: (line) => process.stderr.write(`${line}\n`),
      progress: (total) => episodeBar(total),
    });
    for (const line of outcome.summary) process.stdout.write(`${line}\n`);
    if (outcome.stopped === 'interrupted') return 130;
    if (!outcome.complete && !options.dryRun) throw new UserError(`the collection in ${outDir} is incomplete (${outcome.stopped}).`, 'Fix the cause if there is one, then run the same command: finished episodes are kept.');
    if (!options.dryRun) process.stderr.write(`next: npm run pipeline -- --tasks ${outDir}/tasks.jsonl --trajectories ${outDir}/trajectories.jsonl\n`);
    return 0;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('commander.')) return code === 'commander.helpDisplayed' || code === 'commander.help' ? 0 : 2;
    const { text, exitCode } = describeError(error);
    process.stderr.write(`${text}\n`);
    return exitCode;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const controller = new AbortController();
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\ninterrupted: writing what finished; press Ctrl-C again to quit at once\n');
    controller.abort();
  });
  main(process.argv.slice(2), controller.signal).then((code) => {
    process.exitCode = code;
  });
}
