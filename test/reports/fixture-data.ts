/** Loads the planted fixture run as ReportData (written once per test file into a temp folder). */
import { createReadStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportData } from '../../reports/data/tables';
import { loadReportData } from '../../reports/load/report-data';
import { ALL_STAGES, writeFixtureRun, type FixtureStage } from './fixture-run';

/** Reads a file as text chunks. */
export async function* textChunks(path: string): AsyncIterable<string> {
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) yield chunk as string;
}

/** Writes a fixture run with these stages and loads it. */
export async function fixtureData(stages: readonly FixtureStage[] = ALL_STAGES): Promise<ReportData> {
  const inputs = writeFixtureRun(mkdtempSync(join(tmpdir(), 'report-fixture-')), stages);
  const upstream = { hasInput: (stage: string) => inputs.has(stage), input: (stage: string) => inputs.get(stage)! };
  return loadReportData(upstream, textChunks, { clusterPointsPerPolicy: 200, topSequences: 3 });
}
