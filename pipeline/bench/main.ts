/**
 * `npm run bench`: performance figures, printed (never asserted in tests).
 *
 *   for each size (default 100k and 1M episodes), in a child process of its own:
 *     1. generate realistic FORMAT.md inputs (≈ 2 KB per episode, retrieved documents included)
 *     2. the floor: a bare readline + JSON.parse loop over the same file (before and after the stages)
 *     3. the reference: DuckDB's pass@k aggregation over the same file, when @duckdb/node-api is installed
 *     4. run every analysis stage (no simulator, no report); per stage wall time, CPU time and peak RSS
 *   then the PASS@(k,T) bootstrap at the size.
 *
 * Prints a table per size with the ratios against the targets (ingest ≥ 1× the floor, the analysis
 * stages ≤ 3× ingest, peak RSS < 1 GB) and writes every figure to runs/bench/bench.json (or --out).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { measureSize, type SizeFigures } from './measure';
import { benchPassktBootstrap } from './passkt';
import { printSize } from './print';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function child(episodes: number, out: string, duckdbFrom: string | undefined): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), `passkt-bench-${episodes}-`));
  try {
    writeFileSync(out, JSON.stringify(await measureSize(episodes, workDir, { duckdbFrom })));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const program = new Command('bench')
    .option('--sizes <list>', 'episode counts, comma-separated', '100000,1000000')
    .option('--quick', 'one small size (20k episodes) for a smoke test')
    .option('--out <file>', 'where to write the figures as JSON', 'runs/bench/bench.json')
    .option('--duckdb-from <folder>', 'a folder where @duckdb/node-api is installed (when the project has none) for the reference figure')
    .option('--child <episodes>', 'internal: measure one size in this process')
    .option('--child-out <file>', 'internal')
    .parse(process.argv);
  const options = program.opts<{ sizes: string; quick?: boolean; out: string; duckdbFrom?: string; child?: string; childOut?: string }>();
  const duckdbFrom = options.duckdbFrom ? resolve(options.duckdbFrom) : undefined;
  if (options.child) return child(Number(options.child), options.childOut!, duckdbFrom);

  const sizes = options.quick ? [20000] : options.sizes.split(',').map(Number);
  const results: SizeFigures[] = [];
  for (const episodes of sizes) {
    const resultFile = join(mkdtempSync(join(tmpdir(), 'passkt-bench-result-')), 'size.json');
    // A child process per size, so each size's peak RSS is its own.
    const args = ['--child', String(episodes), '--child-out', resultFile, ...(duckdbFrom ? ['--duckdb-from', duckdbFrom] : [])];
    const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CI: 'true' },
    });
    if (run.status !== 0) throw new Error(`the benchmark of ${episodes} episodes failed (exit ${run.status})`);
    const size = JSON.parse(readFileSync(resultFile, 'utf8')) as SizeFigures;
    results.push(size);
    printSize(size);
  }
  const bootstrap = benchPassktBootstrap();
  console.log(`\n${bootstrap.label}: ${bootstrap.seconds.toFixed(2)} s`);
  const out = resolve(options.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ machine: { node: process.version, cpus: cpus().length }, sizes: results, passkt_bootstrap: bootstrap }, null, 2)}\n`);
  console.log(`\nfigures written to ${out}`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
