/**
 * The tasks an episode grid runs on, shared by `collect` and `serve` (which must serve the same
 * questions): the built-in generated world (the simulate stage's tasks for the same run seed and size),
 * a FORMAT.md tasks file (`.jsonl` or `.jsonl.gz`), or a HotpotQA distractor-setting file
 * (`hotpotqa:<file.json>`), or a list of these put together. Every task needs `docs` (the search tool searches them) and `answers`
 * (collected episodes are scored against them).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError, InputFileError } from '../errors';
import { hotpotqaSimTask } from '../environment/hotpotqa/hotpotqa-sim-tasks';
import { FAMILIES, type Family, type SimTask } from '../environment/tasks/sim-task';
import type { World } from '../environment/world/entities';
import { DEFAULT_FAMILY, TaskSchema } from '../formats/task';
import { readLines } from '../io/lines';
import { generatedSource, hotpotqaSource } from '../simulate/simulation-source';
import type { SimulatorConfig } from '../simulate/simulator-config';
import { DEFAULT_RUN_SEED, simulateStageSeed, stageRandom } from '../simulate/stage-random';

/** The prefix of a HotpotQA file in a task source. */
export const HOTPOTQA_PREFIX = 'hotpotqa:';

/** Built-in tasks per family when the config names none. */
export const DEFAULT_TASKS_PER_FAMILY = 20;

// One source: a file given as a string, or an object.
const SingleSourceSchema = z.union([
  z.string().min(1),
  z
    .object({
      /** A tasks file (`tasks.jsonl[.gz]`) or `hotpotqa:<file.json>`; absent: the built-in world. */
      file: z.string().min(1).optional(),
      /** Built-in world: which families (default all three). */
      families: z.array(z.enum(FAMILIES)).min(1).optional(),
      /** At most this many tasks per family, in file order (built-in default 20). */
      perFamily: z.number().int().positive().optional(),
      /** Built-in world: the run seed whose simulate stage generates the same world (default 20260425). */
      seed: z.number().int().optional(),
    })
    .strict()
    .refine((spec) => spec.file === undefined || (spec.families === undefined && spec.seed === undefined), {
      message: '"families" and "seed" apply to the built-in world only, not to a tasks file',
    }),
]);

/** Where the tasks come from: one source, or a list whose tasks are put together (e.g. HotpotQA plus the built-in control family). */
export const TaskSourceSchema = z.union([SingleSourceSchema, z.array(SingleSourceSchema).min(1)]).default({});

/** A task source as written in a config. */
export type TaskSourceSpec = z.infer<typeof TaskSourceSchema>;

/** Loaded tasks. */
export interface LoadedTasks {
  kind: 'generated' | 'file' | 'hotpotqa' | 'mixed';
  tasks: SimTask[];
  world?: World;
  /** What they are, for logs. */
  label: string;
}

/** Loads a task source (relative file paths are relative to the current folder, as on the command line). */
export async function loadTaskSource(spec: TaskSourceSpec, simulator: SimulatorConfig): Promise<LoadedTasks> {
  if (!Array.isArray(spec)) return loadOne(spec, simulator);
  const parts = await Promise.all(spec.map((one) => loadOne(one, simulator)));
  const generated = parts.filter((part) => part.world !== undefined);
  if (generated.length > 1) throw new ConfigError('"tasks" lists the built-in world twice.', 'List it once, with every family you want.');
  const tasks = parts.flatMap((part) => part.tasks);
  const ids = new Set<string>();
  for (const task of tasks) {
    if (ids.has(task.row.task)) throw new ConfigError(`"tasks": the task id "${task.row.task}" appears in two sources.`, 'Task ids must be unique across the listed sources.');
    ids.add(task.row.task);
  }
  return { kind: 'mixed', tasks, world: generated[0]?.world, label: parts.map((part) => part.label).join(' + ') };
}

async function loadOne(spec: z.infer<typeof SingleSourceSchema>, simulator: SimulatorConfig): Promise<LoadedTasks> {
  const source = typeof spec === 'string' ? { file: spec } : spec;
  if (source.file === undefined) {
    const families: Family[] = source.families ?? [...FAMILIES];
    const perFamily = source.perFamily ?? DEFAULT_TASKS_PER_FAMILY;
    const seed = source.seed ?? DEFAULT_RUN_SEED;
    const generated = generatedSource(simulator, families, perFamily, stageRandom(simulateStageSeed(seed)).environment);
    return { kind: 'generated', tasks: generated.tasks, world: generated.world, label: `built-in world (seed ${seed}): ${perFamily} × ${families.join(', ')}` };
  }
  const hotpotqa = source.file.startsWith(HOTPOTQA_PREFIX);
  const path = resolve(hotpotqa ? source.file.slice(HOTPOTQA_PREFIX.length) : source.file);
  const tasks = hotpotqa ? hotpotqaSource(path, source.perFamily).tasks : await readTasksFile(path, source.perFamily);
  if (tasks.length === 0) throw new ConfigError(`the tasks file ${path} holds no tasks.`, 'Point "tasks" at a file with at least one task.');
  return { kind: hotpotqa ? 'hotpotqa' : 'file', tasks, label: `${hotpotqa ? 'HotpotQA file' : 'tasks file'} ${path}` };
}

/** The files a task source reads (for fingerprints); the built-in world reads none. */
export function taskSourceFiles(spec: TaskSourceSpec): string[] {
  return (Array.isArray(spec) ? spec : [spec]).flatMap((one) => {
    const file = typeof one === 'string' ? one : one.file;
    return file === undefined ? [] : [file.startsWith(HOTPOTQA_PREFIX) ? file.slice(HOTPOTQA_PREFIX.length) : file];
  });
}

/** True when a task source uses the built-in world (which needs the simulator config). */
export function usesBuiltInWorld(spec: TaskSourceSpec): boolean {
  return (Array.isArray(spec) ? spec : [spec]).some((one) => typeof one !== 'string' && one.file === undefined);
}

async function readTasksFile(path: string, perFamily: number | undefined): Promise<SimTask[]> {
  const tasks: SimTask[] = [];
  const ids = new Set<string>();
  const taken = new Map<string, number>();
  if (!existsSync(path)) throw new InputFileError(`the tasks file ${path} does not exist.`, 'Check "tasks" in the collect config (paths are relative to the current folder).');
  for await (const { line, text } of readLines(path)) {
    if (text.trim() === '') continue;
    const where = `${path}:${line}`;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new InputFileError(`${where} is not valid JSON (${(error as Error).message}).`, 'Fix the tasks file (FORMAT.md, one task per line).');
    }
    const parsed = TaskSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputFileError(`${where}: "${issue.path.join('.')}": ${issue.message}.`, 'Fix the tasks file (FORMAT.md).');
    }
    const row = parsed.data;
    if (ids.has(row.task)) throw new InputFileError(`${where}: task id "${row.task}" appears twice.`, 'Task ids must be unique.');
    ids.add(row.task);
    if (!row.docs || row.docs.length === 0) throw new InputFileError(`${where}: task "${row.task}" has no "docs": the search tool searches each task's own paragraphs.`, 'Give every task its paragraphs in "docs".');
    if (!row.answers || row.answers.length === 0) throw new InputFileError(`${where}: task "${row.task}" has no "answers": collected episodes are scored against them.`, 'Give every task its gold answers.');
    const family = row.family ?? DEFAULT_FAMILY;
    const count = taken.get(family) ?? 0;
    if (perFamily !== undefined && count >= perFamily) continue;
    taken.set(family, count + 1);
    tasks.push(hotpotqaSimTask({ ...row, answers: row.answers, family, gold_docs: row.gold_docs ?? [], docs: row.docs }));
  }
  return tasks;
}
