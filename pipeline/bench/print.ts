/** The bench's table: the floor, DuckDB's aggregation, ingest and every stage side by side, then the ratios against the targets. */
import type { SizeFigures } from './measure';

const TARGETS = { ingestVsFloor: 1, analysisVsIngest: 3, peakRssMb: 1000 };

/** Prints one size's figures to stdout. */
export function printSize(size: SizeFigures): void {
  const pad = (text: string, width: number) => text.padStart(width);
  const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '');
  console.log(`\n${size.episodes.toLocaleString('en')} episodes, ${size.input_mb.toFixed(0)} MB of JSONL (load average ${size.load[0].toFixed(1)} → ${size.load[1].toFixed(1)} on this machine)`);
  console.log(`${'stage'.padEnd(26)}${pad('seconds', 9)}${pad('CPU s', 9)}${pad('episodes/s', 12)}${pad('MB/s', 8)}${pad('peak RSS MB', 13)}`);
  const row = (name: string, seconds: number, cpu: number, rss: string) =>
    console.log(
      `${name.padEnd(26)}${pad(fixed(seconds), 9)}${pad(fixed(cpu), 9)}${pad(Math.round(size.episodes / seconds).toLocaleString('en'), 12)}${pad(fixed(size.input_mb / seconds, 1), 8)}${pad(rss, 13)}`,
    );
  row('floor: readline+JSON.parse', size.floor.seconds, size.floor.cpu_seconds, '');
  if ('skipped' in size.duckdb) console.log(`${'DuckDB pass@k (reference)'.padEnd(26)}  ${size.duckdb.skipped}`);
  else row(`DuckDB ${size.duckdb.version} pass@k`, size.duckdb.seconds, size.duckdb.cpu_seconds, '');
  for (const stage of size.stages) row(stage.stage, stage.seconds, stage.cpu_seconds, stage.peak_rss_mb.toFixed(0));
  const verdict = (met: boolean) => (met ? 'met' : 'missed');
  console.log(
    `ingest = ${fixed(size.ingest_vs_floor)} × the floor's speed (CPU: ${fixed(size.ingest_vs_floor_cpu)}; target ≥ ${TARGETS.ingestVsFloor}: ${verdict(size.ingest_vs_floor >= TARGETS.ingestVsFloor)})`,
  );
  if (!('skipped' in size.duckdb)) console.log(`DuckDB = ${fixed(size.floor.seconds / size.duckdb.seconds)} × the floor's speed, ${fixed(size.stages.find((s) => s.stage === 'ingest')!.seconds / size.duckdb.seconds)} × ingest's`);
  console.log(
    `analysis stages (passkt … compare) = ${fixed(size.analysis_vs_ingest)} × the ingest time (CPU: ${fixed(size.analysis_vs_ingest_cpu)}; target ≤ ${TARGETS.analysisVsIngest}: ${verdict(size.analysis_vs_ingest <= TARGETS.analysisVsIngest)}), ${size.analysis_seconds.toFixed(1)} s in all`,
  );
  console.log(
    `pipeline peak RSS ${size.pipeline_peak_rss_mb.toFixed(0)} MB (target < ${TARGETS.peakRssMb}: ${verdict(size.pipeline_peak_rss_mb < TARGETS.peakRssMb)}); ` +
      `the bench process's own peak, input generation and DuckDB included: ${size.process_peak_rss_mb.toFixed(0)} MB`,
  );
}
