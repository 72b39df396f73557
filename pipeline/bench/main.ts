/**
 * `npm run bench`: performance figures, printed (never asserted in tests).
 *
 *   for each size (default 100k and 1M episodes), in a child process of its own:
 *     1. generate realistic FORMAT.md inputs (≈ 2 KB per episode, retrieved documents included)
 *     2. the floor: a bare readline + JSON.parse loop over the same file
 *     3. run every analysis stage (no simulator, no report) and sample RSS while each runs
 *   then the PASS@(k,T) bootstrap at the size.
 *
 * Prints a table per size and writes every figure to runs/bench/bench.json (or --out).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { runPipeline } from '../runner/run';
import { pipelineRegistry } from '../stages/registry';
import { benchPassktBootstrap } from './passkt';
import { parseFloor } from './parse-floor';
import { writeSynthetic } from './synthetic';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// The default analysis stages only: sources, shard statistics, the report and the model-access
// experiments (which wait on a model server) are not benched.
const NOT_BENCHED = new Set(['simulate', 'import', 'collect', 'merge', 'stats', 'report', 'score', 'swap']);

/** Figures of one stage at one size. */
export interface StageFigure {
  stage: string;
  seconds: number;
  episodes_per_second: number;
  input_mb_per_second: number;
  peak_rss_mb: number;
}

/** Figures of one input size. */
export interface SizeFigures {
  episodes: number;
  input_mb: number;
  generate_seconds: number;
  floor: { seconds: number; episodes_per_second: number; mb_per_second: number };
  stages: StageFigure[];
  pipeline_seconds: number;
  ingest_vs_floor: number;
  pipeline_vs_ingest: number;
  process_peak_rss_mb: number;
}

async function measureSize(episodes: number, workDir: string): Promise<SizeFigures> {
  const tasksPath = join(workDir, 'tasks.jsonl');
  const trajectoriesPath = join(workDir, 'trajectories.jsonl');
  const generated = process.hrtime.bigint();
  await writeSynthetic({ episodes, tasks: 300, policies: ['base', 'rl', 'sft'], budgets: [0, 1, 2, 3, 5], seed: 1 }, tasksPath, trajectoriesPath);
  const generateSeconds = Number(process.hrtime.bigint() - generated) / 1e9;
  const inputMb = statSync(trajectoriesPath).size / 1e6;
  process.stderr.write(`bench ${episodes}: generated ${inputMb.toFixed(0)} MB in ${generateSeconds.toFixed(1)} s\n`);

  const floor = await parseFloor(trajectoriesPath);
  process.stderr.write(`bench ${episodes}: floor ${floor.seconds.toFixed(2)} s\n`);

  const samples: { t: number; rss: number }[] = [];
  const sampler = setInterval(() => samples.push({ t: Date.now(), rss: process.memoryUsage().rss }), 25);
  const registry = pipelineRegistry();
  const stages = registry
    .all()
    .filter((stage) => !NOT_BENCHED.has(stage.name))
    .map((stage) => ({ name: stage.name, params: stage.name === 'ingest' ? { tasks: tasksPath, trajectories: [trajectoriesPath] } : {} }));
  const outcomes = await runPipeline({ stages, settings: { seed: 1, strict: false } }, registry, {
    runDir: join(workDir, 'run'),
    codeVersion: 'bench',
    packageVersion: 'bench',
    versions: {},
    force: true,
    effects: { out: () => {}, err: (line) => process.stderr.write(`  ${line}\n`), progress: false },
  });
  clearInterval(sampler);

  const figures: StageFigure[] = outcomes.map(({ stage, manifest }) => {
    const start = Date.parse(manifest.started_at);
    const end = Date.parse(manifest.finished_at);
    const window = samples.filter((s) => s.t >= start && s.t <= end + 25).map((s) => s.rss);
    const seconds = manifest.duration_ms / 1000;
    return {
      stage,
      seconds,
      episodes_per_second: episodes / seconds,
      input_mb_per_second: inputMb / seconds,
      peak_rss_mb: Math.max(0, ...window) / 1e6,
    };
  });
  const ingest = figures.find((f) => f.stage === 'ingest')!;
  const pipelineSeconds = figures.reduce((sum, f) => sum + f.seconds, 0);
  return {
    episodes,
    input_mb: inputMb,
    generate_seconds: generateSeconds,
    floor: { seconds: floor.seconds, episodes_per_second: floor.lines / floor.seconds, mb_per_second: inputMb / floor.seconds },
    stages: figures,
    pipeline_seconds: pipelineSeconds,
    ingest_vs_floor: floor.seconds / ingest.seconds,
    pipeline_vs_ingest: pipelineSeconds / ingest.seconds,
    process_peak_rss_mb: (process.resourceUsage().maxRSS * 1024) / 1e6,
  };
}

function printSize(size: SizeFigures): void {
  const pad = (text: string, width: number) => text.padStart(width);
  console.log(`\n${size.episodes.toLocaleString('en')} episodes, ${size.input_mb.toFixed(0)} MB of JSONL`);
  console.log(`${'stage'.padEnd(22)}${pad('seconds', 9)}${pad('episodes/s', 12)}${pad('MB/s', 8)}${pad('peak RSS MB', 13)}`);
  const row = (name: string, seconds: number, eps: number, mbs: number, rss: string) =>
    console.log(`${name.padEnd(22)}${pad(seconds.toFixed(2), 9)}${pad(Math.round(eps).toLocaleString('en'), 12)}${pad(mbs.toFixed(1), 8)}${pad(rss, 13)}`);
  row('floor: readline+parse', size.floor.seconds, size.floor.episodes_per_second, size.floor.mb_per_second, '');
  for (const stage of size.stages) row(stage.stage, stage.seconds, stage.episodes_per_second, stage.input_mb_per_second, stage.peak_rss_mb.toFixed(0));
  console.log(`ingest throughput = ${size.ingest_vs_floor.toFixed(2)} × the floor (target ≥ 0.6)`);
  console.log(`all stages = ${size.pipeline_vs_ingest.toFixed(2)} × the ingest time (target ≤ 3), ${size.pipeline_seconds.toFixed(1)} s in all`);
  console.log(`process peak RSS ${size.process_peak_rss_mb.toFixed(0)} MB (target < 1500 at 1M)`);
}

async function child(episodes: number, out: string): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), `passkt-bench-${episodes}-`));
  try {
    writeFileSync(out, JSON.stringify(await measureSize(episodes, workDir)));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const program = new Command('bench')
    .option('--sizes <list>', 'episode counts, comma-separated', '100000,1000000')
    .option('--quick', 'one small size (20k episodes) for a smoke test')
    .option('--out <file>', 'where to write the figures as JSON', 'runs/bench/bench.json')
    .option('--child <episodes>', 'internal: measure one size in this process')
    .option('--child-out <file>', 'internal')
    .parse(process.argv);
  const options = program.opts<{ sizes: string; quick?: boolean; out: string; child?: string; childOut?: string }>();
  if (options.child) return child(Number(options.child), options.childOut!);

  const sizes = options.quick ? [20000] : options.sizes.split(',').map(Number);
  const results: SizeFigures[] = [];
  for (const episodes of sizes) {
    const resultFile = join(mkdtempSync(join(tmpdir(), 'passkt-bench-result-')), 'size.json');
    // A child process per size, so each size's peak RSS is its own.
    const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(episodes), '--child-out', resultFile], {
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
  writeFileSync(out, `${JSON.stringify({ machine: { node: process.version, cpus: (await import('node:os')).cpus().length }, sizes: results, passkt_bootstrap: bootstrap }, null, 2)}\n`);
  console.log(`\nfigures written to ${out}`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
