/**
 * The output folder of a collection: `tasks.jsonl` (the tasks the episodes ran on), `trajectories.jsonl`
 * (appended episode by episode), `collect.json` (what makes two runs one collection) and `collect.lock`
 * (one writer at a time). Running the same command again resumes; running a different collection into
 * the same folder is refused, naming what differs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROMPT_VERSION } from '../chat-protocol/prompts';
import { ConfigError, UserError } from '../errors';
import type { FullTask } from '../environment/tasks/sim-task';
import { sha256Text } from '../io/hash';
import type { CollectConfig } from './config';

/** File names in the output folder. */
export const OUT_FILES = { tasks: 'tasks.jsonl', trajectories: 'trajectories.jsonl', identity: 'collect.json', lock: 'collect.lock' } as const;

/** What must stay the same for episodes to belong to one collection. */
export interface CollectionIdentity {
  prompt: string;
  top_k: number;
  seed: number;
  extra_steps: number;
  tasks_sha256: string;
  policies: Record<string, Record<string, unknown>>;
}

/** The identity of a config run on tasks whose file has this hash. */
export function collectionIdentity(config: CollectConfig, tasksSha: string): CollectionIdentity {
  return {
    prompt: PROMPT_VERSION,
    top_k: config.topK,
    seed: config.seed,
    extra_steps: config.extraSteps,
    tasks_sha256: tasksSha,
    policies: Object.fromEntries(
      config.policies.map((p) => [p.name, { model: p.model, protocol: p.protocol, temperature: p.temperature, top_p: p.top_p, max_tokens: p.max_tokens, seed: p.seed ?? null, extra: p.extra }]),
    ),
  };
}

/** The text of tasks.jsonl for these tasks. */
export function tasksText(rows: readonly FullTask[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}

/** Takes the folder's lock; a live process holding it is an error, a dead one's lock is taken over. */
export async function lockOutDir(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, OUT_FILES.lock);
  if (existsSync(path)) {
    const pid = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) {
      throw new UserError(`another collection (process ${pid}) is writing to ${dir}.`, 'Wait for it to finish or stop it; one folder has one writer.');
    }
  }
  await writeFile(path, `${process.pid}\n`);
  return () => rm(path, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Checks that the folder holds nothing or the same collection (its policies may grow, its grid too),
 * and writes the tasks file and identity. `write` false only checks (dry run).
 */
export async function prepareOutDir(dir: string, config: CollectConfig, rows: readonly FullTask[], write: boolean): Promise<void> {
  const text = tasksText(rows);
  const identity = collectionIdentity(config, sha256Text(text));
  const identityPath = join(dir, OUT_FILES.identity);
  const tasksPath = join(dir, OUT_FILES.tasks);
  let merged = identity;
  if (existsSync(identityPath)) {
    const previous = JSON.parse(await readFile(identityPath, 'utf8')) as CollectionIdentity;
    const differences = differencesOf(previous, identity);
    if (differences.length > 0) {
      throw new ConfigError(
        `${dir} holds episodes of a different collection: ${differences.join('; ')}.`,
        'Use another --out for a different collection, or delete the folder to start over. Between runs of one collection only the grid (budgets, samples, added policies) and the transport (servers, concurrency, caps, timeouts) may change.',
      );
    }
    merged = { ...identity, policies: { ...previous.policies, ...identity.policies } };
  } else if (existsSync(join(dir, OUT_FILES.trajectories))) {
    throw new ConfigError(`${dir} holds a trajectories.jsonl without ${OUT_FILES.identity}: it was not written by npm run collect.`, 'Use another --out.');
  }
  if (existsSync(tasksPath) && (await readFile(tasksPath, 'utf8')) !== text) {
    throw new ConfigError(`${dir}/tasks.jsonl differs from the tasks of this config.`, 'Use another --out, or delete the folder to start over.');
  }
  if (!write) return;
  await atomicWrite(tasksPath, text);
  await atomicWrite(identityPath, `${JSON.stringify(merged, null, 2)}\n`);
}

function differencesOf(previous: CollectionIdentity, now: CollectionIdentity): string[] {
  const out: string[] = [];
  for (const key of ['prompt', 'top_k', 'seed', 'extra_steps', 'tasks_sha256'] as const) {
    if (previous[key] !== now[key]) out.push(`${key} was ${JSON.stringify(previous[key])}, now ${JSON.stringify(now[key])}`);
  }
  for (const [name, settings] of Object.entries(now.policies)) {
    const before = previous.policies[name];
    if (before && JSON.stringify(before) !== JSON.stringify(settings)) out.push(`policy ${name} was ${JSON.stringify(before)}, now ${JSON.stringify(settings)}`);
  }
  return out;
}

async function atomicWrite(path: string, text: string): Promise<void> {
  const temp = `${path}.tmp-${process.pid}`;
  await writeFile(temp, text);
  await rename(temp, path);
}
