#!/usr/bin/env node
/**
 * `npm run serve -- [--policies base,rl,sft] [--port 0] [--config collect.json | --tasks <file>]`:
 * the simulator as an OpenAI-compatible server on 127.0.0.1 (docs/serve.md). It serves the tasks of a
 * collect config (or a tasks file, or the built-in world) so that a collection against it asks
 * questions it knows. The base URL goes to stdout, the banner to stderr; Ctrl-C stops it.
 */
import { Command } from 'commander';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, describeError } from '../errors';
import { readCollectConfig } from '../collect/config';
import { loadSimulatorConfig } from '../simulate/simulator-config';
import { loadTaskSource, type TaskSourceSpec } from '../task-source/task-source';
import { startSimServer } from './server';

/** Starts the server from command-line arguments; resolves with a function that stops it. */
export async function serve(argv: string[]): Promise<() => Promise<void>> {
  const program = new Command('serve')
    .description('serve the simulated policies as an OpenAI-compatible chat server (a simulator, not a language model)')
    .option('--policies <list>', 'comma-separated simulated policies to serve (default: all of the simulator config)')
    .option('--port <n>', 'port on 127.0.0.1 (0: a free one)', '8000')
    .option('--config <file>', 'a collect config: serve its tasks (and its simulatorConfig)')
    .option('--tasks <file>', 'serve the tasks of a tasks file or hotpotqa:<file.json> (instead of the built-in world)')
    .option('--tasks-per-family <n>', 'at most this many tasks per family')
    .option('--simulator-config <file>', 'simulator config (default data/simulator.config.json)')
    .exitOverride();
  program.parse(argv, { from: 'user' });
  const options = program.opts<{ policies?: string; port: string; config?: string; tasks?: string; tasksPerFamily?: string; simulatorConfig?: string }>();
  const collect = options.config ? readCollectConfig(options.config) : undefined;
  const simulator = loadSimulatorConfig(options.simulatorConfig ?? collect?.simulatorConfig);
  const perFamily = options.tasksPerFamily === undefined ? undefined : Number(options.tasksPerFamily);
  if (perFamily !== undefined && !(Number.isInteger(perFamily) && perFamily > 0)) throw new ConfigError(`--tasks-per-family needs a positive whole number, got "${options.tasksPerFamily}".`);
  const limit = (one: string | { file?: string; perFamily?: number }) => (typeof one === 'string' ? { file: one, perFamily } : { ...one, perFamily: perFamily ?? one.perFamily });
  const given: TaskSourceSpec = options.tasks ? { file: options.tasks } : (collect?.tasks ?? {});
  const spec: TaskSourceSpec = perFamily === undefined ? given : Array.isArray(given) ? given.map(limit) : limit(given);
  const tasks = await loadTaskSource(spec, simulator);
  const names = options.policies ? options.policies.split(',').map((name) => name.trim()).filter(Boolean) : Object.keys(simulator.policies);
  const unknown = names.filter((name) => !(name in simulator.policies));
  if (unknown.length > 0) throw new ConfigError(`unknown simulated polic${unknown.length > 1 ? 'ies' : 'y'} ${unknown.join(', ')}.`, `The simulator config defines: ${Object.keys(simulator.policies).join(', ')}.`);
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port needs a port number, got "${options.port}".`);
  const policies = Object.fromEntries(names.map((name) => [name, simulator.policies[name]!]));
  const server = await startSimServer({ tasks: tasks.tasks, world: tasks.world, policies }, port, (error) => process.stderr.write(`simulator error: ${(error as Error).stack ?? String(error)}\n`));
  process.stderr.write(
    `passkt SIMULATOR — not a language model: scripted policies (${names.join(', ')}) served as an OpenAI-compatible API\n` +
      `  tasks: ${tasks.label} (${tasks.tasks.length} questions)\n  GET ${server.url}/models, POST ${server.url}/chat/completions; Ctrl-C stops\n`,
  );
  process.stdout.write(`${server.url}\n`);
  return server.close;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  serve(process.argv.slice(2)).then(
    (close) => {
      const stop = () => void close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      const code = (error as { code?: string }).code;
      if (typeof code === 'string' && code.startsWith('commander.')) {
        process.exitCode = code === 'commander.helpDisplayed' || code === 'commander.help' ? 0 : 2;
        return;
      }
      const { text, exitCode } = describeError(error);
      process.stderr.write(`${text}\n`);
      process.exitCode = exitCode;
    },
  );
}
