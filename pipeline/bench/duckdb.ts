/**
 * The bench's reference figure: DuckDB's PASS@k aggregation over the same file — one SQL statement
 * reading the JSONL and returning (policy, task, budget, n, c), what a researcher who only wants pass@k
 * would run instead. DuckDB is optional: it is loaded from the project's node_modules when installed
 * (`npm i -D @duckdb/node-api@1.5.6-r.1`), or from `--duckdb-from <folder>` holding such an install.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The pinned version the figures in docs/performance.md were measured with. */
export const DUCKDB_VERSION = '1.5.6-r.1';

/** The reference timing, or why there is none. */
export type DuckdbFigure = { seconds: number; cpu_seconds: number; groups: number; version: string } | { skipped: string };

interface DuckdbModule {
  DuckDBInstance: { create(path: string, options?: Record<string, string>): Promise<{ connect(): Promise<{ runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }> }> }> };
  version?: () => string;
}

async function loadDuckdb(from: string | undefined): Promise<DuckdbModule | string> {
  try {
    return (await import('@duckdb/node-api' as string)) as DuckdbModule;
  } catch {
    if (!from) return `DuckDB not installed: \`npm i -D @duckdb/node-api@${DUCKDB_VERSION}\` (or pass --duckdb-from <folder with it installed>)`;
  }
  try {
    const entry = createRequire(join(from, 'package.json')).resolve('@duckdb/node-api');
    return (await import(pathToFileURL(entry).href)) as DuckdbModule;
  } catch (error) {
    return `DuckDB not found in ${from} (${(error as Error).message.split('\n')[0]}): \`npm i @duckdb/node-api@${DUCKDB_VERSION}\` there`;
  }
}

/** Runs the aggregation on `threads` threads and times it (wall and CPU). */
export async function duckdbPassk(path: string, options: { from?: string; threads: number }): Promise<DuckdbFigure> {
  const duckdb = await loadDuckdb(options.from);
  if (typeof duckdb === 'string') return { skipped: duckdb };
  const instance = await duckdb.DuckDBInstance.create(':memory:', { threads: String(options.threads) });
  const connection = await instance.connect();
  const sql =
    `SELECT policy, task, budget, count(*) AS n, count_if(correct) AS c FROM read_json('${path.replace(/'/g, "''")}', format = 'newline_delimited', ` +
    `columns = {policy: 'VARCHAR', task: 'VARCHAR', budget: 'INTEGER', correct: 'BOOLEAN', steps: 'JSON'}) GROUP BY ALL`;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const rows = (await connection.runAndReadAll(sql)).getRows();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { seconds, cpu_seconds: (used.user + used.system) / 1e6, groups: rows.length, version: duckdb.version?.() ?? DUCKDB_VERSION };
}
