/**
 * Loads everything a report can draw from the stages present in the run. Nothing here is required:
 * a missing stage or file leaves its table undefined and says why in `problems`.
 */
import { CellError } from '../../pipeline/tables/cells';
import { boundaryTable } from '../../pipeline/tables/boundary';
import { compareFrequenciesTable } from '../../pipeline/tables/compare-frequencies';
import { crossoverTable } from '../../pipeline/tables/crossover';
import { decompositionTable } from '../../pipeline/tables/decomposition';
import { diversityTable } from '../../pipeline/tables/diversity';
import { marginalTable } from '../../pipeline/tables/marginal';
import { passTable } from '../../pipeline/tables/passkt';
import { passDiffTable } from '../../pipeline/tables/passkt-diff';
import { retrievalTable } from '../../pipeline/tables/retrieval';
import { retrievalDecompositionTable } from '../../pipeline/tables/retrieval-decomposition';
import { saturationTable } from '../../pipeline/tables/saturation';
import { surprisalDiffTable, surprisalTable } from '../../pipeline/tables/surprisal';
import { swapAttributionTable, swapTable } from '../../pipeline/tables/swap';
import { verdictTable } from '../../pipeline/tables/verdict';
import { headlineBudgets } from '../data/select';
import type { PasskDiffRow, PasskRow, ReportData } from '../data/tables';
import { DisplayNames } from './display-names';
import { readClusters, readTopSequences, rowsOf } from './episode-tables';
import { loadProvenance, SOURCE_STAGES } from './provenance';
import { absence, loadTable, locate, type Upstream } from './upstream';
import type { StageName } from '../../pipeline/stages/names';

/** Every stage the report reads when it is part of the run. */
export const REPORT_SOURCES = [...SOURCE_STAGES, 'merge', 'ingest', 'passkt', 'boundary', 'label', 'cluster', 'retrieval', 'compare', 'score', 'swap'] as const satisfies readonly StageName[];

/** How to read files as text chunks (injected so loaders stay free of fs). */
export type OpenText = (path: string) => AsyncIterable<string>;

/** Sizes of what is kept from the per-episode tables. */
export interface LoadLimits {
  /** Map points kept per policy (deterministic sample). */
  clusterPointsPerPolicy: number;
  /** Query sequences listed per (family, policy). */
  topSequences: number;
}

/** Loads the report's data from the run. */
export async function loadReportData(upstream: Upstream, openText: OpenText, limits: LoadLimits): Promise<ReportData> {
  const problems: Record<string, string> = {};
  const names = new DisplayNames();
  const short = (name: string) => names.short(name);
  const data: ReportData = { problems, provenance: await loadProvenance(upstream, REPORT_SOURCES), shortenedNames: [] };

  // Rows that state no value (the estimate at a k no task reaches) are left out of the figures.
  data.passkt = (await loadTable(upstream, ['passkt'], passTable, problems))?.filter((row): row is PasskRow => row.pass !== null);
  data.passktDiff = (await loadTable(upstream, ['passkt'], passDiffTable, problems))?.filter((row): row is PasskDiffRow => row.diff !== null);
  data.boundary = await loadTable(upstream, ['boundary'], boundaryTable, problems);
  data.retrieval = await loadTable(upstream, ['retrieval', 'compare'], retrievalTable, problems);

  data.marginal = await loadTable(upstream, ['passkt'], marginalTable, problems);
  data.saturation = await loadTable(upstream, ['passkt'], saturationTable, problems);
  data.crossover = await loadTable(upstream, ['passkt'], crossoverTable, problems);
  data.verdicts = await loadTable(upstream, ['boundary'], verdictTable, problems);
  data.frequencies = await loadTable(upstream, ['compare'], compareFrequenciesTable, problems);
  data.decomposition = await loadTable(upstream, ['compare'], decompositionTable, problems);
  data.retrievalDecomposition = await loadTable(upstream, ['compare'], retrievalDecompositionTable, problems);
  data.diversity = await loadTable(upstream, ['label', 'compare'], diversityTable, problems);
  data.surprisal = await loadTable(upstream, ['score'], surprisalTable, problems);
  data.surprisalDiff = await loadTable(upstream, ['score'], surprisalDiffTable, problems);
  data.swap = await loadTable(upstream, ['swap'], swapTable, problems);
  data.swapAttribution = await loadTable(upstream, ['swap'], swapAttributionTable, problems);
  const tables = [data.passkt, data.passktDiff, data.boundary, data.retrieval, data.marginal, data.saturation, data.crossover, data.verdicts, data.frequencies, data.decomposition, data.retrievalDecomposition, data.diversity, data.surprisal, data.surprisalDiff, data.swap, data.swapAttribution];
  for (const table of tables) {
    for (const row of table ?? []) shortenNames(row as unknown as Record<string, unknown>, short);
  }

  const clusters = locate(upstream, ['cluster'], 'clusters.csv');
  if (!clusters) problems['clusters.csv'] = absence(upstream, ['cluster'], 'clusters.csv');
  else {
    try {
      const tables = await readClusters('cluster/clusters.csv', rowsOf(openText(clusters.path('clusters.csv'))), limits.clusterPointsPerPolicy, short);
      data.clusterPoints = tables.points;
      data.clusterEpisodes = tables.episodes;
      data.clusterLabels = tables.labels;
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      problems['clusters.csv'] = `${error.message} — the table does not match the format this report reads.`;
    }
  }

  const labels = locate(upstream, ['label'], 'labels.csv');
  if (!labels) problems['labels.csv'] = absence(upstream, ['label'], 'labels.csv');
  else {
    // Only the headline budget of each family is listed; without passkt, every budget is counted.
    const headline = data.passkt ? headlineBudgets(data.passkt) : null;
    try {
      data.sequences = await readTopSequences(
        'label/labels.csv',
        rowsOf(openText(labels.path('labels.csv'))),
        // Uncapped episodes count for every T, so they are kept too.
        (family, budget) => budget === 'all' || headline === null || !headline.has(short(family)) || headline.get(short(family)) === budget,
        limits.topSequences,
        short,
      );
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      problems['labels.csv'] = `${error.message} — the table does not match the format this report reads.`;
    }
  }
  data.shortenedNames = names.list();
  return data;
}

/** The columns that hold policy and family names in the analysis tables. */
const NAME_COLUMNS = ['policy', 'family', 'policy_a', 'policy_b', 'base', 'plan_policy', 'reasoning_policy', 'scorer'] as const;

function shortenNames(row: Record<string, unknown>, short: (name: string) => string): void {
  for (const column of NAME_COLUMNS) {
    const value = row[column];
    if (typeof value === 'string') row[column] = short(value);
  }
}
