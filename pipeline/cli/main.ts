#!/usr/bin/env node
/**
 * The command line: `pipeline` runs the stages, `inspect <stage>` summarises one stage's outputs,
 * `report` regenerates only the report. Results go to stdout, progress and logs to stderr.
 * User mistakes exit 2 with a message that says what to do; internal failures exit 1.
 */
import { Command, Option } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeError, UserError } from '../errors';
import type { RunPlan } from '../runner/plan';
import { progressEnabled } from '../runner/progress';
import { StageRegistry } from '../runner/registry';
import { runPipeline, type RunEffects } from '../runner/run';
import { acquireRunLock, describeHolder, readLockHolder } from '../runner/run-lock';
import { ensureRunFolder } from '../runner/stage-folder';
import { redactDeep, redactText } from '../io/redact';
import type { CliFlag, StageDefinition } from '../runner/stage';
import { codeVersion } from '../runner/code-version';
import { pipelineRegistry } from '../stages/registry';
import { buildPlan, flagAttribute } from './build-plan';
import { readConfigFile, type ConfigFile } from './config-file';
import { GROUP_HEADINGS, flagGroup } from './flag-groups';
import { inspectStage, listStages } from './inspect';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_RUN_DIR = 'runs/default';
const PLAN_FILE = 'run.json';

/** Builds the commander program over a registry, with effects injected (tests capture them). */
export function buildProgram(registry: StageRegistry, effects: RunEffects): Command {
  const program = new Command('passkt').description('PASS@(k,T) analysis of tool-using agents').exitOverride();
  program.configureOutput({ writeOut: (text) => effects.out(text.trimEnd()), writeErr: (text) => effects.err(text.trimEnd()) });

  const pipeline = program
    .command('pipeline')
    .description('run the pipeline (simulated default data unless inputs are given)')
    .optionsGroup(GROUP_HEADINGS.run)
    .option('--run-dir <dir>', 'run folder', undefined)
    .option('--config <file>', 'JSON config file (seed, strict, skip, stages.<stage>.<param>)')
    .option('--only <stage>', 're-run only this stage (the others must have run before)')
    .option('--from <stage>', 're-run this stage and every stage after it')
    .option('--force', 're-run every stage even when fresh')
    .option('--skip <stages>', 'comma-separated stages to leave out of the run', (v) => v.split(',').filter(Boolean))
    .option('--seed <n>', 'base random seed for every stage', (v) => parseInteger('--seed', v))
    .option('--strict', 'stop at the first rejected record instead of collecting rejects')
    .option('--verify-inputs', 're-hash every input file to judge freshness (by default only files up to 256 MB)');
  addStageFlags(pipeline, registry.all());
  pipeline.action(async (options: Record<string, unknown>) => {
    const config: ConfigFile = options.config ? readConfigFile(String(options.config)) : {};
    const plan = buildPlan(registry, config, {
      seed: options.seed as number | undefined,
      strict: options.strict as boolean | undefined,
      skip: options.skip as string[] | undefined,
      flagValues: options,
    });
    const runDir = resolve(String(options.runDir ?? config.runDir ?? DEFAULT_RUN_DIR));
    await execute(registry, plan, runDir, effects, {
      force: Boolean(options.force),
      only: options.only as string | undefined,
      from: options.from as string | undefined,
      verifyInputs: Boolean(options.verifyInputs),
    }, 'pipeline');
  });

  program
    .command('inspect')
    .description('print a readable summary of one stage of a run (no stage: list the stages and what each shows)')
    .argument('[stage]', 'stage name, e.g. ingest')
    .option('--run-dir <dir>', 'run folder', DEFAULT_RUN_DIR)
    .action(async (stage: string | undefined, options: { runDir: string }) => {
      // Reading needs no lock; a run writing meanwhile replaces each stage folder atomically when it finishes.
      const holder = readLockHolder(resolve(options.runDir));
      if (holder) effects.err(`note: a run is writing this folder now (${describeHolder(holder)}); stages it has not finished show their previous outputs.`);
      effects.out(stage === undefined ? listStages(registry, resolve(options.runDir)) : await inspectStage(registry, resolve(options.runDir), stage));
    });

  if (registry.has('report')) {
    const report = program
      .command('report')
      .description('regenerate only the report of an existing run')
      .optionsGroup(GROUP_HEADINGS.run)
      .option('--run-dir <dir>', 'run folder', DEFAULT_RUN_DIR);
    addStageFlags(report, [registry.get('report')]);
    report.action(async (options: Record<string, unknown>) => {
      const runDir = resolve(String(options.runDir));
      // The plan is read under the lock (a pipeline run could be rewriting it); only its presence is checked before.
      readSavedPlan(runDir);
      await execute(registry, () => reportPlan(registry, runDir, options), runDir, effects, { only: 'report' }, 'report');
    });
  }
  return program;
}

async function execute(
  registry: StageRegistry,
  planUnderLock: RunPlan | (() => RunPlan),
  runDir: string,
  effects: RunEffects,
  options: { force?: boolean; only?: string; from?: string; verifyInputs?: boolean },
  command: 'pipeline' | 'report',
): Promise<void> {
  const savePlan = command === 'pipeline';
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
  const started = Date.now();
  await ensureRunFolder(runDir);
  const release = acquireRunLock(runDir, command, effects.err);
  try {
    const plan = typeof planUnderLock === 'function' ? planUnderLock() : planUnderLock;
    await runPipeline(plan, registry, {
      runDir,
      codeVersion: codeVersion(ROOT),
      packageVersion: pkg.version,
      versions: { node: process.version, ...pkg.dependencies },
      effects,
      ...options,
    });
    if (savePlan) await writeFile(join(runDir, PLAN_FILE), `${JSON.stringify(redactDeep(plan), null, 2)}\n`);
  } finally {
    release();
  }
  effects.err(`run folder: ${runDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

// The saved plan with this command's report flags applied; the file stays as the pipeline wrote it
// (--figures here selects figures for this report only).
function reportPlan(registry: StageRegistry, runDir: string, options: Record<string, unknown>): RunPlan {
  const plan = readSavedPlan(runDir);
  const reportStage = plan.stages.find((stage) => stage.name === 'report');
  if (!reportStage) throw new UserError(`the run in ${runDir} has no report stage.`, 'Run `npm run pipeline` without --skip report.');
  for (const flag of (registry.get('report').cli ?? []) as CliFlag[]) {
    const value = options[flagAttribute(flag.flags)];
    if (value !== undefined) reportStage.params[flag.param] = flag.parse ? flag.parse(value as string) : value;
  }
  return plan;
}

function readSavedPlan(runDir: string): RunPlan {
  const file = join(runDir, PLAN_FILE);
  if (!existsSync(file)) throw new UserError(`no run found in ${runDir} (${PLAN_FILE} is missing).`, 'Run `npm run pipeline` first, or pass --run-dir.');
  return JSON.parse(readFileSync(file, 'utf8')) as RunPlan;
}

// Several stages may declare the same flag (e.g. --base): it is registered once and set on each.
// Flags are listed under their group's heading, groups in GROUP_HEADINGS order.
function addStageFlags(command: Command, stages: readonly StageDefinition[]): void {
  const order = Object.keys(GROUP_HEADINGS);
  const flags = stages
    .flatMap((stage) => ((stage.cli ?? []) as CliFlag[]).map((flag) => ({ flag, group: flagGroup(stage, flag) })))
    .sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
  const seen = new Set<string>();
  for (const { flag, group } of flags) {
    if (seen.has(flag.flags)) continue;
    seen.add(flag.flags);
    const option = new Option(flag.flags, flag.description).helpGroup(GROUP_HEADINGS[group]);
    if (flag.repeatable) option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    command.addOption(option);
  }
}

function parseInteger(flag: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new UserError(`${flag} expects an integer, got "${value}".`);
  return parsed;
}

/** Runs the CLI with process IO; exits 2 for user mistakes, 1 for internal failures. */
export async function main(argv: string[]): Promise<number> {
  const effects: RunEffects = {
    // The one place lines reach the terminal: a credential in a URL (a parameter echoed in a message) is redacted here.
    out: (line) => process.stdout.write(`${redactText(line)}\n`),
    err: (line) => process.stderr.write(`${redactText(line)}\n`),
    progress: progressEnabled(),
  };
  try {
    await buildProgram(pipelineRegistry(), effects).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      return code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help' ? 0 : 2;
    }
    const { text, exitCode } = describeError(error);
    effects.err(text);
    return exitCode;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.on('SIGINT', () => {
    process.stderr.write('\ninterrupted: the stage in progress left only a temporary folder, removed on the next run\n');
    process.exit(130);
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
