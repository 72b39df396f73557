/**
 * Where the run's data came from, for the page's first line and its provenance section: the source
 * stage (simulate / import / collect) if one ran, else the first episode's `meta.simulated`, plus the
 * ingest stage's counts, reject reasons and input files with their hashes.
 */
import { compareText } from '../../analyses/stats/compare-text';
import type { EpisodeTrace } from '../../analyses/episode';
import type { StageManifest } from '../../pipeline/runner/stage';
import type { Provenance } from '../data/tables';
import type { Upstream } from './upstream';
import { type IngestSummary, ingestSummaryFile } from '../../pipeline/tables/ingest-summary';
import { tracesFile } from '../../pipeline/tables/traces';
import { SOURCE_STAGE_NAMES } from '../../pipeline/stages/names';
import { SIMULATOR_FINGERPRINT } from '../../pipeline/serve/wire';

/** Source stages, in the order they are looked for. */
export const SOURCE_STAGES = SOURCE_STAGE_NAMES;

const KIND_OF_SOURCE = { simulate: 'simulated', import: 'imported', collect: 'collected' } as const satisfies Record<(typeof SOURCE_STAGES)[number], Provenance['kind']>;

const SIMULATOR_SERVERS = ' The server was the built-in simulator server (npm run serve): scripted policies behind an OpenAI-compatible API, not language models.';

async function firstTrace(upstream: Upstream): Promise<EpisodeTrace | null> {
  const ingest = upstream.input('ingest');
  if (!ingest.has(tracesFile.file)) return null;
  for await (const trace of tracesFile.stream(ingest)) return trace;
  return null;
}

/** Reads provenance from the run's source and ingest stages; `stageNames` lists every stage to fingerprint. */
export async function loadProvenance(upstream: Upstream, stageNames: readonly string[]): Promise<Provenance> {
  const sourceStage = SOURCE_STAGES.find((stage) => upstream.hasInput(stage)) ?? null;
  const hasIngest = upstream.hasInput('ingest');
  const trace = hasIngest ? await firstTrace(upstream) : null;
  const simulatedFlag = trace?.meta?.simulated === true;

  let kind: Provenance['kind'];
  let basis: string;
  if (simulatedFlag) {
    kind = 'simulated';
    basis = `The episodes carry meta.simulated = true${sourceStage ? ` and were produced by the ${sourceStage} stage` : ''}.`;
  } else if (sourceStage) {
    kind = KIND_OF_SOURCE[sourceStage];
    basis = `The episodes were produced by the ${sourceStage} stage of this run.`;
    if (sourceStage === 'collect' && upstream.input('collect').manifest.details.simulator === true) basis += SIMULATOR_SERVERS;
  } else if (trace?.meta?.collect) {
    // Files written by `npm run collect` and passed with --trajectories: collected, never user-made or simulated.
    kind = 'collected';
    basis = 'The episodes carry meta.collect: they were gathered by npm run collect from OpenAI-compatible chat servers.';
    if ((trace.meta.collect as { system_fingerprint?: unknown }).system_fingerprint === SIMULATOR_FINGERPRINT) basis += SIMULATOR_SERVERS;
  } else if (!hasIngest && upstream.hasInput('merge')) {
    kind = 'merged';
    basis = 'The numbers were computed from sufficient statistics merged from shard runs (npm run pipeline -- --merge); per-episode analyses (strategies, clusters, retrieval) are not part of a merge run.';
  } else if (hasIngest) {
    kind = 'user-supplied';
    basis = 'The episodes were read from the user’s trajectory files listed below; no simulator or collector ran.';
  } else {
    kind = 'unknown';
    basis = 'The ingest stage is not part of this run, so the source of the data is not recorded here.';
  }

  const inputs: Provenance['inputs'] = [];
  const seen = new Set<string>();
  const addFiles = (manifest: StageManifest) => {
    for (const file of manifest.external_files ?? []) {
      if (seen.has(file.path)) continue;
      seen.add(file.path);
      inputs.push({ path: file.path, bytes: file.bytes, sha256: file.sha256 });
    }
  };
  if (sourceStage) addFiles(upstream.input(sourceStage).manifest);
  if (kind === 'merged') addFiles(upstream.input('merge').manifest);

  let counts: Provenance['counts'] = { read: null, accepted: null, rejected: null };
  let rejectReasons: Provenance['rejectReasons'] = [];
  const countsStage = hasIngest ? 'ingest' : kind === 'merged' ? 'merge' : null;
  if (countsStage) {
    const ingest = upstream.input(countsStage);
    addFiles(ingest.manifest);
    const summary: Partial<IngestSummary> = ingest.has(ingestSummaryFile.file) ? await ingestSummaryFile.read(ingest) : {};
    const number = (value: unknown) => (typeof value === 'number' ? value : null);
    counts = {
      read: number(summary.read ?? ingest.manifest.counts.read),
      accepted: number(summary.accepted ?? ingest.manifest.counts.accepted),
      rejected: number(summary.rejected ?? ingest.manifest.counts.rejected),
    };
    rejectReasons = Object.entries(summary.reject_reasons ?? {})
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || compareText(a.reason, b.reason));
  }

  const stages = stageNames
    .filter((stage) => upstream.hasInput(stage))
    .map((stage) => {
      const manifest = upstream.input(stage).manifest;
      return { stage, fingerprint: manifest.fingerprint, params: manifest.params };
    });
  return { kind, sourceStage, basis, inputs, counts, rejectReasons, stages };
}

/** The page's first line. */
export function dataKindLine(provenance: Provenance): string {
  switch (provenance.kind) {
    case 'simulated':
      return 'Simulated data: every episode in this report was generated by the built-in simulator (scripted policies acting through a real BM25 search tool), not by language models. The figures show what the pipeline recovers from planted behaviour.';
    case 'imported':
      return 'Imported data: trajectories recorded by other tools and converted by the import stage; see Data provenance for the files and their hashes.';
    case 'collected':
      return 'Collected data: rollouts gathered from OpenAI-compatible chat servers by the collect stage (npm run collect); see Data provenance for which servers.';
    case 'merged':
      return 'Merged shard statistics: PASS@(k,T) and boundaries computed exactly from the counts of several shard runs; see Data provenance for the shard files.';
    case 'user-supplied':
      return 'User-supplied data: trajectories read from the files listed under Data provenance (not generated by this pipeline).';
    default:
      return 'Data source unknown: the ingest stage is not part of this run.';
  }
}
