/**
 * Resumption: which episodes of the grid `trajectories.jsonl` already holds. A crash can leave at most
 * a partial last line (each episode is one write of one line); it is cut off before reading. Lines of
 * keys outside the current grid (a run with more budgets or samples) are kept and not counted.
 */
import { existsSync } from 'node:fs';
import { open, stat, truncate } from 'node:fs/promises';
import { UserError } from '../errors';
import { readLines } from '../io/lines';
import type { Grid } from './grid';

/** Token and request totals of one policy's collected episodes. */
export interface PolicyUsage {
  episodes: number;
  prompt_tokens: number;
  completion_tokens: number;
  requests: number;
}

/** What the file holds. */
export interface Collected {
  /** One byte per grid slot: 1 when collected. */
  done: Uint8Array;
  count: number;
  /** Lines whose key is not in this grid. */
  outside: number;
  duplicates: number;
  /** Bytes of a partial last line that were cut off. */
  repaired: number;
  usage: Map<string, PolicyUsage>;
}

/** The bytes after the last newline: a partial last line, left by a kill in the middle of a write. */
export async function partialTail(path: string): Promise<number> {
  if (!existsSync(path)) return 0;
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const chunk = Buffer.alloc(64 * 1024);
    for (let end = size; end > 0; ) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const at = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (at !== -1) return size - (start + at + 1);
      end = start;
    }
    return size;
  } finally {
    await handle.close();
  }
}

/** Cuts a partial last line off; returns how many bytes were removed. */
export async function repairTail(path: string): Promise<number> {
  const tail = await partialTail(path);
  if (tail > 0) await truncate(path, (await stat(path)).size - tail);
  return tail;
}

/**
 * Reads which grid slots are collected and the usage so far (streamed, one line at a time). A partial
 * last line (`tail` bytes, see partialTail) is not an episode and is skipped.
 */
export async function readCollected(path: string, grid: Grid, tail = 0): Promise<Omit<Collected, 'repaired'>> {
  const done = new Uint8Array(grid.size);
  const usage = new Map<string, PolicyUsage>();
  let count = 0;
  let outside = 0;
  let duplicates = 0;
  if (existsSync(path)) {
    const complete = (await stat(path)).size - tail;
    let offset = 0;
    for await (const { line, text, bytes } of readLines(path)) {
      offset += bytes + 1;
      if (offset > complete || text === '') continue;
      let record: { policy?: unknown; task?: unknown; budget?: unknown; sample?: unknown; meta?: { collect?: { usage?: { prompt_tokens?: number; completion_tokens?: number }; requests?: number } } };
      try {
        record = JSON.parse(text) as typeof record;
      } catch (error) {
        throw new UserError(`${path}:${line} is not valid JSON (${(error as Error).message}): the file was edited or damaged.`, 'Delete that line (its episode is collected again) and run the same command.');
      }
      const slot = grid.slotOf(record.policy, record.task, record.budget, record.sample);
      if (slot === undefined) {
        outside += 1;
        continue;
      }
      if (done[slot]) {
        duplicates += 1;
        continue;
      }
      done[slot] = 1;
      count += 1;
      const totals = usage.get(record.policy as string) ?? { episodes: 0, prompt_tokens: 0, completion_tokens: 0, requests: 0 };
      const meta = record.meta?.collect;
      totals.episodes += 1;
      totals.prompt_tokens += meta?.usage?.prompt_tokens ?? 0;
      totals.completion_tokens += meta?.usage?.completion_tokens ?? 0;
      totals.requests += meta?.requests ?? 0;
      usage.set(record.policy as string, totals);
    }
  }
  return { done, count, outside, duplicates, usage };
}
