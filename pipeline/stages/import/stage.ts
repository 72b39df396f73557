/**
 * The `import` stage: turns other tools' trajectory files into canonical FORMAT.md trajectories.
 *
 *   --import format:path ──► adapter (by name, or detected for auto:) ──► trajectory | reject | merged
 *        trajectory ──► validated (TrajectorySchema) ──► trajectories.jsonl  (+ its task ──► tasks.jsonl)
 *        reject     ──► rejects.jsonl {file, line, reason}
 *
 * Every record read is accounted for: read = converted + rejected + merged, per import.
 */
import { type ImportTally, importsTable } from '../../tables/imports';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, InputFileError, StrictRejectError } from '../../errors';
import { TrajectorySchema } from '../../formats/trajectory';
import { describeZodError } from '../../formats/zod-reason';
import { defineStage, type JsonlWriter, type StageContext, type StageInput } from '../../runner/stage';
import { detectAdapter } from '../../adapters/detect';
import { parseImportSpec, parseOptionAssignment, type ImportSpec } from '../../adapters/import-spec';
import { checkOptionKeys, optionsFor } from '../../adapters/option-scope';
import { getAdapter } from '../../adapters/registry';
import { policyFromFile } from '../../adapters/shared/policy-name';
import { InvalidUtf8FileError } from '../../adapters/shared/json-file';
import { TaskCollector } from '../../adapters/task-collector';
import type { Adapter, RecordLocation } from '../../adapters/types';
import { FieldTally } from './field-tally';

/** Parameters of the import stage. */
export const ImportParams = z.object({
  /** `format:path` (or `auto:path`), optionally `#policy`. */
  imports: z.array(z.string()).default([]),
  /** Policy name for every imported trajectory (a `#policy` on one import wins). */
  policy: z.string().default(''),
  /** Adapter options: `key` for every format that knows it, `format.key` for one. */
  options: z.record(z.string(), z.string()).default({}),
  /** Size limit of sources read as one whole JSON document, in MiB. */
  max_json_mb: z.number().positive().default(256),
  /** Accept invalid UTF-8 in sources (replaced by U+FFFD) instead of rejecting the line or file that holds it. */
  lenient_utf8: z.boolean().default(false),
  /** Write tasks.jsonl from the tasks the sources define (questions and gold answers). */
  write_tasks: z.boolean().default(true),
  /** Policy renames applied to every imported trajectory: old name → new name (`--policy-name old=new`). */
  policy_names: z.record(z.string().min(1), z.string().min(1)).default({}),
});

/** The import stage's parameters. */
export type ImportParamsType = z.infer<typeof ImportParams>;

/** Per-import accounting as stored in the manifest: the row of imports.csv and where each field came from. */
export interface ImportRecord extends ImportTally {
  /** Which source field became task, sample, budget, correct and policy (field → source → records). */
  fields: Record<string, Record<string, number>>;
  /** The same in one line. */
  field_summary: string;
}

const MAX_LISTED_CONFLICTS = 20;

/** The import stage. */
export const importStage = defineStage({
  name: 'import',
  description: 'convert other tools’ trajectory files (OpenAI chat, Search-R1, R1-Searcher, ReAct logs, FireAct, Inspect) into canonical trajectories',
  inputs: [],
  modes: ['analysis', 'shard'],
  source: { requested: (params) => Array.isArray(params.imports) && params.imports.length > 0 },
  params: ImportParams,
  externalFiles: (params) => params.imports.map((raw) => parseImportSpec(raw).path),
  cliGroup: 'import',
  cli: [
    { flags: '--import <format:path>', description: 'import a trajectory file (repeatable): format one of openai-chat, search-r1, r1-searcher, react-text, fireact, inspect, or auto; append #policy to name its policy', param: 'imports', repeatable: true, parse: (value) => toList(value) },
    { flags: '--policy <name>', description: 'policy name for imported trajectories (default: the source’s model field, else the file name); with --score: the policies to score, comma-separated (default all)', param: 'policy' },
    { flags: '--import-option <key=value>', description: 'adapter option (repeatable), e.g. messages=prompt+completion or openai-chat.task=qid (docs/adapters.md)', param: 'options', repeatable: true, parse: (value) => Object.fromEntries(toList(value).map((entry) => parseOptionAssignment(entry))) },
    { flags: '--max-json-mb <n>', description: 'size limit for whole-file JSON sources (default 256)', param: 'max_json_mb', parse: (value) => parseMegabytes(value) },
    { flags: '--lenient-utf8', description: 'accept invalid UTF-8 (replaced by U+FFFD) instead of rejecting the record, or the whole file for a JSON document or text log', param: 'lenient_utf8' },
    { flags: '--policy-name <old=new>', description: 'rename an imported policy (repeatable), e.g. --policy-name wiki-search-qwen3-4b=base', param: 'policy_names', repeatable: true, parse: (value) => Object.fromEntries(toList(value).map(parsePolicyName)) },
  ],
  run: runImport,
  inspect: inspectImport,
});

// Repeatable flags arrive as arrays; a single value (config files, older CLIs) is accepted too.
function toList(value: string | boolean | string[]): string[] {
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function parsePolicyName(raw: string): [string, string] {
  const [from, to] = parseOptionAssignment(raw, '--policy-name', 'e.g. --policy-name wiki-search-qwen3-4b=base');
  if (from === '' || to.trim() === '') throw new ConfigError(`--policy-name "${raw}" is not old=new.`, 'Write --policy-name <imported policy>=<new name>, e.g. --policy-name wiki-search-qwen3-4b=base.');
  return [from, to.trim()];
}

function parseMegabytes(value: string | boolean | string[]): number {
  const number = Number(Array.isArray(value) ? value[value.length - 1] : value);
  if (!Number.isFinite(number) || number <= 0) throw new ConfigError(`--max-json-mb expects a positive number, got "${String(value)}".`);
  return number;
}

async function runImport(ctx: StageContext<ImportParamsType>) {
  const { params } = ctx;
  if (params.imports.length === 0) throw new ConfigError('the import stage has nothing to import.', 'Give at least one --import <format>:<path> (e.g. --import auto:results.jsonl).');
  const specs = params.imports.map(parseImportSpec);
  const adapters: Adapter[] = [];
  for (const spec of specs) {
    if (!existsSync(spec.path)) throw new InputFileError(`--import ${spec.raw}: ${spec.path} does not exist.`, 'Check the path (relative paths are read from the current folder).');
    adapters.push(spec.format === 'auto' ? await detectAdapter(spec.path) : getAdapter(spec.format));
  }
  checkOptionKeys(adapters, params.options);

  const trajectories = ctx.out.jsonl('trajectories.jsonl');
  const rejects = ctx.out.jsonl('rejects.jsonl');
  const tasks = new TaskCollector();
  const tallies: ImportRecord[] = [];
  const info: Record<string, Record<string, unknown>> = {};
  const sourcePolicies = new Set<string>();
  try {
    for (const [index, spec] of specs.entries()) {
      const adapter = adapters[index]!;
      const tally = await importOne(ctx, spec, adapter, { trajectories, rejects, tasks, info, sourcePolicies });
      tallies.push(tally);
    }
  } finally {
    await trajectories.close();
    await rejects.close();
  }
  if (params.write_tasks && tasks.size > 0) {
    const writer = ctx.out.jsonl('tasks.jsonl');
    for (const row of tasks.rows()) await writer.write(row);
    await writer.close();
  }
  await importsTable.write(ctx.out, tallies);
  if (tasks.conflicts.length > 0) ctx.log.warn(`${tasks.conflicts.length} task id(s) appear with different questions; the first question was kept (e.g. "${tasks.conflicts[0]}").`);
  for (const [from, to] of Object.entries(params.policy_names)) {
    if (!sourcePolicies.has(from)) ctx.log.warn(`--policy-name ${from}=${to}: no imported trajectory has the policy "${from}" (imported: ${[...sourcePolicies].sort().join(', ') || 'none'}).`);
  }
  return summarize(tallies, tasks, info);
}

interface Sinks {
  trajectories: JsonlWriter;
  rejects: JsonlWriter;
  tasks: TaskCollector;
  info: Record<string, Record<string, unknown>>;
  /** Policy names as the sources gave them, before --policy-name. */
  sourcePolicies: Set<string>;
}

async function importOne(ctx: StageContext<ImportParamsType>, spec: ImportSpec, adapter: Adapter, sinks: Sinks): Promise<ImportRecord> {
  const defaultPolicy = policyFromFile(spec.path);
  const forced = spec.policy || ctx.params.policy;
  const rename = (policy: string) => ctx.params.policy_names[policy] ?? policy;
  const tally: ImportRecord = {
    format: adapter.name,
    file: spec.display,
    // The name the file's trajectories would get, also when none converts.
    policy: rename(forced || defaultPolicy),
    read: 0,
    converted: 0,
    rejected: 0,
    merged: 0,
    with_verdict: 0,
    correct: 0,
    results: 0,
    results_with_docs: 0,
    outcome_only: 0,
    fields: {},
    field_summary: '',
  };
  const fields = new FieldTally();
  const policies = new Set<string>();
  const reject = async (location: RecordLocation, reason: string) => {
    tally.rejected += 1;
    await sinks.rejects.write({ file: spec.display, line: location, category: `${adapter.name} adapter`, reason });
    if (ctx.settings.strict) throw new StrictRejectError(`${spec.display}:${location}: ${reason}`, 'Fix the record, or run without --strict to quarantine it in rejects.jsonl.');
  };
  const progress = ctx.progress(`import ${adapter.name} ${spec.display}`);
  try {
    const items = adapter.read({
      file: spec.path,
      options: optionsFor(adapter, ctx.params.options),
      policy: spec.policy || ctx.params.policy,
      defaultPolicy,
      maxJsonBytes: Math.floor(ctx.params.max_json_mb * 1024 * 1024),
      lenientUtf8: ctx.params.lenient_utf8,
    });
    try {
      for await (const item of items) {
        if (item.kind === 'info') {
          (sinks.info[spec.display] ??= {})[item.key] = item.value;
          continue;
        }
        tally.read += 1;
        progress.tick();
        if (item.kind === 'merged') tally.merged += 1;
        else if (item.kind === 'reject') await reject(item.location, item.reason);
        else {
          sinks.sourcePolicies.add(item.trajectory.policy);
          const trajectory = { ...item.trajectory, policy: rename(item.trajectory.policy) };
          const checked = TrajectorySchema.safeParse(trajectory);
          if (!checked.success) {
            await reject(item.location, `converted trajectory is invalid: ${describeZodError(checked.error).reason}`);
            continue;
          }
          await sinks.trajectories.write(trajectory);
          if (item.task) sinks.tasks.add(item.task);
          tally.converted += 1;
          policies.add(trajectory.policy);
          fields.add(item.fields);
          if (trajectory.correct !== undefined) {
            tally.with_verdict += 1;
            if (trajectory.correct) tally.correct += 1;
          }
          if (trajectory.trace === 'missing') tally.outcome_only += 1;
          for (const step of trajectory.steps) {
            if (step.type !== 'result') continue;
            tally.results += 1;
            if ((step.docs?.length ?? 0) > 0) tally.results_with_docs += 1;
          }
        }
      }
    } catch (error) {
      // A whole document or text log with invalid UTF-8 is one reject of the file, not a failed run.
      if (!(error instanceof InvalidUtf8FileError)) throw error;
      tally.read += 1;
      await reject('(file)', error.message);
    }
  } finally {
    progress.stop();
  }
  if (policies.size > 0) tally.policy = [...policies].sort().join('+');
  tally.fields = fields.toJSON();
  const renamed = (name: string) => (rename(name) !== name ? `, renamed "${rename(name)}" by --policy-name` : '');
  tally.field_summary = fields.describe({
    forced: forced ? rename(forced) : '',
    how: `${spec.policy ? `#${spec.policy} on --import` : '--policy'}${forced ? renamed(forced) : ''}`,
    fileDefault: `"${defaultPolicy}"${renamed(defaultPolicy)}`,
  });
  return tally;
}

function summarize(tallies: readonly ImportRecord[], tasks: TaskCollector, info: Record<string, Record<string, unknown>>) {
  const counts: Record<string, number> = { read: 0, converted: 0, rejected: 0, merged: 0, tasks: tasks.size };
  for (const tally of tallies) {
    for (const key of ['read', 'converted', 'rejected', 'merged'] as const) {
      counts[key]! += tally[key];
      counts[`${tally.format}.${key}`] = (counts[`${tally.format}.${key}`] ?? 0) + tally[key];
    }
  }
  const summary = tallies.flatMap((tally) => [summaryLine(tally), `  fields: ${tally.field_summary}`]);
  summary.push(`${counts.converted} trajectories from ${tallies.length} file(s); ${counts.rejected} rejected (rejects.jsonl), ${counts.merged} merged duplicates; ${tasks.size} tasks defined by the sources${tasks.conflicts.length ? ` (${tasks.conflicts.length} with conflicting questions)` : ''}`);
  return {
    counts,
    summary,
    details: {
      imports: tallies,
      source_info: info,
      task_conflicts: { count: tasks.conflicts.length, first: tasks.conflicts.slice(0, MAX_LISTED_CONFLICTS) },
    },
  };
}

function summaryLine(tally: ImportRecord): string {
  const accuracy = tally.with_verdict > 0 ? `; ${tally.correct}/${tally.with_verdict} correct (${((100 * tally.correct) / tally.with_verdict).toFixed(1)}%)` : '; no verdicts (scored by ingest against task answers)';
  const merged = tally.merged > 0 ? `, ${tally.merged} merged` : '';
  const outcomeOnly = tally.outcome_only > 0 ? `; ${tally.outcome_only} outcome-only (a verdict without steps)` : '';
  const documents = tally.results > 0 ? `; ${tally.results_with_docs} of ${tally.results} tool results carry documents` : '';
  return `${tally.format} ${tally.file} [${tally.policy}]: read ${tally.read}, converted ${tally.converted}, rejected ${tally.rejected}${merged}${accuracy}${outcomeOnly}${documents}`;
}

async function inspectImport(output: StageInput): Promise<string> {
  const imports = (output.manifest.details.imports ?? []) as ImportRecord[];
  const lines = ['import: per-source counts', ''];
  const header = importsTable.columns.join('\t');
  lines.push(header, ...imports.map((tally) => importsTable.columns.map((column) => String(tally[column])).join('\t')));
  const rejects: { file: string; line: RecordLocation; reason: string }[] = [];
  if (output.has('rejects.jsonl')) {
    for await (const reject of output.jsonl<{ file: string; line: RecordLocation; reason: string }>('rejects.jsonl')) {
      if (rejects.length < 10) rejects.push(reject);
    }
  }
  if (rejects.length > 0) {
    lines.push('', 'first rejects:');
    for (const reject of rejects) lines.push(`  ${reject.file}:${reject.line}  ${reject.reason}`);
  }
  return lines.join('\n');
}
