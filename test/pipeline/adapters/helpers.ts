/** Test helpers for the adapters: run an adapter on a file, a tiny fake StageContext, fixture paths. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll } from 'vitest';
import { join, resolve } from 'node:path';
import { openCsvWriter } from '../../../pipeline/io/csv-writer';
import { openJsonlWriter } from '../../../pipeline/io/jsonl-writer';
import { formatCsv } from '../../../pipeline/io/csv';
import { optionsFor } from '../../../pipeline/adapters/option-scope';
import { getAdapter } from '../../../pipeline/adapters/registry';
import { policyFromFile } from '../../../pipeline/adapters/shared/policy-name';
import { DEFAULT_MAX_JSON_BYTES } from '../../../pipeline/adapters/shared/json-file';
import type { AdapterItem, InfoItem, MergedItem, RejectItem, TrajectoryItem } from '../../../pipeline/adapters/types';
import type { StageContext, StageManifest } from '../../../pipeline/runner/stage';

/** The shared real-data fixtures (absent on machines without ../shared). */
export const FIXTURES = resolve(process.cwd(), '../shared/fixtures');

/** A fixture file path. */
export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

/** Everything an adapter yielded for a file, split by kind. */
export interface AdapterRun {
  trajectories: TrajectoryItem[];
  rejects: RejectItem[];
  merged: MergedItem[];
  info: InfoItem[];
}

/** Runs an adapter by name on one file and collects its items. */
export async function runAdapter(name: string, file: string, options: Record<string, string> = {}, extra: { policy?: string; maxJsonBytes?: number; lenientUtf8?: boolean } = {}): Promise<AdapterRun> {
  const adapter = getAdapter(name);
  const run: AdapterRun = { trajectories: [], rejects: [], merged: [], info: [] };
  const items: AsyncIterable<AdapterItem> = adapter.read({
    file,
    options: optionsFor(adapter, options),
    policy: extra.policy ?? '',
    defaultPolicy: policyFromFile(file),
    maxJsonBytes: extra.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES,
    lenientUtf8: extra.lenientUtf8 ?? false,
  });
  for await (const item of items) {
    if (item.kind === 'trajectory') run.trajectories.push(item);
    else if (item.kind === 'reject') run.rejects.push(item);
    else if (item.kind === 'merged') run.merged.push(item);
    else run.info.push(item);
  }
  return run;
}

const created: string[] = [];
// Registered on import, so every test file that makes corrupted copies removes them when it ends.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file's tests. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'adapters-test-'));
  created.push(dir);
  return dir;
}

/** Writes a file into a folder and returns its path. */
export function writeTemp(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Reads a JSONL file into objects. */
export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** A minimal StageContext writing into `dir`, with captured warnings. */
export function fakeContext<P>(name: string, params: P, dir: string, settings = { seed: 1, strict: false }): StageContext<P> & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    name,
    params,
    settings,
    seed: settings.seed,
    warnings,
    input: () => {
      throw new Error('the fake context has no upstream stages');
    },
    hasInput: () => false,
    out: {
      dir,
      json: async (file, data) => writeFileSync(join(dir, file), JSON.stringify(data, null, 2)),
      text: async (file, data) => writeFileSync(join(dir, file), data),
      csv: async (file, columns, rows) => writeFileSync(join(dir, file), formatCsv(columns, rows)),
      csvWriter: (file, columns) => openCsvWriter(join(dir, file), columns),
      jsonl: (file) => openJsonlWriter(join(dir, file)),
    },
    log: { info: () => undefined, warn: (message) => void warnings.push(message) },
    progress: () => ({ tick: () => undefined, setTotal: () => undefined, stop: () => undefined }),
    externalFiles: [],
  } as StageContext<P> & { warnings: string[] };
}

/** A manifest stub for `inspect` tests. */
export function manifestWith(details: Record<string, unknown>): StageManifest {
  return { details } as unknown as StageManifest;
}
