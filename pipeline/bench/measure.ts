/**
 * One size of `npm run bench`, measured in this process: generate the input, time the parse floor and
 * DuckDB's aggregation on it, run every analysis stage through the real runner, and record per stage
 * the wall time, the CPU time of the whole process (worker threads included) and the peak RSS.
 */
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../runner/run';
import { pipelineRegistry } from '../stages/registry';
import { duckdbPassk, type DuckdbFigure } from './duckdb';
import { parseFloor } from './parse-floor';
import { writeSynthetic } from './synthetic';

// The default analysis stages only: sources, shard statistics, the report and the model-access
// experiments (which wait on a model server) are not benched.
const NOT_BENCHED = new Set(['simulate', 'import', 'collect', 'merge', 'stats', 'report', 'score', 'swap']);

/** Figures of one stage at one size. */
export interface StageFigure {
  stage: string;
  seconds: number;
  /** CPU seconds of the process while the stage ran (user + system, every thread). */
  cpu_seconds: number;
  episodes_per_second: number;
  input_mb_per_second: number;
  peak_rss_mb: number;
}

/** Figures of one input size. */
export interface SizeFigures {
  episodes: number;
  input_mb: number;
  generate_seconds: number;
  /** 1-minute load average before and after the measurement (the machine may be shared). */
  load: [number, number];
  /** The faster of two floor runs (before and after the stages). */
  floor: { seconds: number; cpu_seconds: number; episodes_per_second: number; mb_per_second: number };
  duckdb: DuckdbFigure;
  stages: StageFigure[];
  /** Every analysis stage after ingest (passkt through compare). */
  analysis_seconds: number;
  analysis_cpu_seconds: number;
  /** Floor time / ingest time: ≥ 1 means ingest keeps up with a bare parse. */
  ingest_vs_floor: number;
  ingest_vs_floor_cpu: number;
  /** Analysis stages / ingest time: the target is ≤ 3. */
  analysis_vs_ingest: number;
  analysis_vs_ingest_cpu: number;
  /** The largest RSS sampled while a stage ran: the pipeline's peak, what the target is about. */
  pipeline_peak_rss_mb: number;
  /** The child process's maximum RSS, which also counts generating the input and DuckDB's in-process run. */
  process_peak_rss_mb: number;
}

/** Options of one measurement. */
export interface MeasureOptions {
  /** Folder with `@duckdb/node-api` installed, when the project has none. */
  duckdbFrom?: string;
}

/** Measures one size in `workDir` (a temporary folder the caller removes). */
export async function measureSize(episodes: number, workDir: string, options: MeasureOptions = {}): Promise<SizeFigures> {
  const loadBefore = loadavg()[0]!;
  const tasksPath = join(workDir, 'tasks.jsonl');
  const trajectoriesPath = join(workDir, 'trajectories.jsonl');
  const generated = process.hrtime.bigint();
  await writeSynthetic({ episodes, tasks: 300, policies: ['base', 'rl', 'sft'], budgets: [0, 1, 2, 3, 5], seed: 1 }, tasksPath, trajectoriesPath);
  const generateSeconds = Number(process.hrtime.bigint() - generated) / 1e9;
  const inputMb = statSync(trajectoriesPath).size / 1e6;
  const log = (line: string) => process.stderr.write(`bench ${episodes}: ${line}\n`);
  log(`generated ${inputMb.toFixed(0)} MB in ${generateSeconds.toFixed(1)} s`);

  const floorBefore = await parseFloor(trajectoriesPath);
  log(`floor ${floorBefore.seconds.toFixed(2)} s (CPU ${floorBefore.cpu_seconds.toFixed(2)} s)`);
  const duckdb = await duckdbPassk(trajectoriesPath, { from: options.duckdbFrom, threads: 2 });
  log('skipped' in duckdb ? duckdb.skipped : `DuckDB ${duckdb.seconds.toFixed(2)} s (CPU ${duckdb.cpu_seconds.toFixed(2)} s)`);

  const stages = await runStages(tasksPath, trajectoriesPath, join(workDir, 'run'), episodes, inputMb);
  const floorAfter = await parseFloor(trajectoriesPath);
  log(`floor again ${floorAfter.seconds.toFixed(2)} s (CPU ${floorAfter.cpu_seconds.toFixed(2)} s)`);
  const floor = floorAfter.seconds < floorBefore.seconds ? floorAfter : floorBefore;

  const ingest = stages.find((f) => f.stage === 'ingest')!;
  const analysis = stages.filter((f) => f.stage !== 'ingest');
  const analysisSeconds = analysis.reduce((sum, f) => sum + f.seconds, 0);
  const analysisCpu = analysis.reduce((sum, f) => sum + f.cpu_seconds, 0);
  return {
    episodes,
    input_mb: inputMb,
    generate_seconds: generateSeconds,
    load: [loadBefore, loadavg()[0]!],
    floor: { seconds: floor.seconds, cpu_seconds: floor.cpu_seconds, episodes_per_second: floor.lines / floor.seconds, mb_per_second: inputMb / floor.seconds },
    duckdb,
    stages,
    analysis_seconds: analysisSeconds,
    analysis_cpu_seconds: analysisCpu,
    ingest_vs_floor: floor.seconds / ingest.seconds,
    ingest_vs_floor_cpu: floor.cpu_seconds / ingest.cpu_seconds,
    analysis_vs_ingest: analysisSeconds / ingest.seconds,
    analysis_vs_ingest_cpu: analysisCpu / ingest.cpu_seconds,
    pipeline_peak_rss_mb: Math.max(...stages.map((f) => f.peak_rss_mb)),
    process_peak_rss_mb: (process.resourceUsage().maxRSS * 1024) / 1e6,
  };
}

// Every default analysis stage through the real runner; RSS sampled every 25 ms, CPU read at each stage's start and end.
async function runStages(tasksPath: string, trajectoriesPath: string, runDir: string, episodes: number, inputMb: number): Promise<StageFigure[]> {
  const samples: { t: number; rss: number }[] = [];
  const sampler = setInterval(() => samples.push({ t: Date.now(), rss: process.memoryUsage().rss }), 25);
  const cpuAt = new Map<string, { start?: number; end?: number }>();
  const cpuNow = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1e6;
  };
  const registry = pipelineRegistry();
  const planned = registry
    .all()
    .filter((stage) => !NOT_BENCHED.has(stage.name))
    .map((stage) => ({ name: stage.name, params: stage.name === 'ingest' ? { tasks: tasksPath, trajectories: [trajectoriesPath] } : {} }));
  const outcomes = await runPipeline({ stages: planned, settings: { seed: 1, strict: false } }, registry, {
    runDir,
    codeVersion: 'bench',
    packageVersion: 'bench',
    versions: {},
    force: true,
    effects: {
      out: () => {},
      err: (line) => {
        // The runner announces each stage's start and end on stderr: read the CPU clock right there.
        const start = /: running (\w+)…$/.exec(line);
        const end = /^ {2}(\w+): done in /.exec(line);
        if (start) cpuAt.set(start[1]!, { start: cpuNow() });
        if (end) cpuAt.get(end[1]!)!.end = cpuNow();
        process.stderr.write(`  ${line}\n`);
      },
      progress: false,
    },
  });
  clearInterval(sampler);
  return outcomes.map(({ stage, manifest }) => {
    const start = Date.parse(manifest.started_at);
    const end = Date.parse(manifest.finished_at);
    const window = samples.filter((s) => s.t >= start && s.t <= end + 25).map((s) => s.rss);
    const seconds = manifest.duration_ms / 1000;
    const cpu = cpuAt.get(stage);
    return {
      stage,
      seconds,
      cpu_seconds: cpu?.start !== undefined && cpu.end !== undefined ? cpu.end - cpu.start : Number.NaN,
      episodes_per_second: episodes / seconds,
      input_mb_per_second: inputMb / seconds,
      peak_rss_mb: Math.max(0, ...window) / 1e6,
    };
  });
}
