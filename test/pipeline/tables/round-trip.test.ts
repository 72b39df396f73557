/**
 * Every output file of a real run, read back through its declaration in pipeline/tables: the header is
 * exactly the declared columns, every row parses, and writing the parsed rows again gives the same bytes.
 * A CSV a stage writes without a declaration fails here, so a column list can live in one place only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StageInput } from '../../../pipeline/runner/stage';
import { stageInput } from '../../../pipeline/runner/stage-io';
import { pipelineRegistry } from '../../../pipeline/stages/registry';
import { boundaryTable } from '../../../pipeline/tables/boundary';
import { boundaryTasksFile } from '../../../pipeline/tables/boundary-tasks';
import { clusterSummaryFile } from '../../../pipeline/tables/cluster-summary';
import { clustersTable } from '../../../pipeline/tables/clusters';
import { compareFrequenciesTable } from '../../../pipeline/tables/compare-frequencies';
import { crossoverTable } from '../../../pipeline/tables/crossover';
import type { CsvTable } from '../../../pipeline/tables/csv-table';
import { decompositionTable } from '../../../pipeline/tables/decomposition';
import { diversityTable } from '../../../pipeline/tables/diversity';
import { episodesFile } from '../../../pipeline/tables/episodes';
import { featuresFile } from '../../../pipeline/tables/features';
import { ingestSummaryFile } from '../../../pipeline/tables/ingest-summary';
import { labelAccuracyTable } from '../../../pipeline/tables/label-accuracy';
import { labelConfusionTable } from '../../../pipeline/tables/label-confusion';
import { labelFrequenciesTable } from '../../../pipeline/tables/label-frequencies';
import { labelsTable } from '../../../pipeline/tables/labels';
import { marginalTable } from '../../../pipeline/tables/marginal';
import { outcomesFile } from '../../../pipeline/tables/outcomes';
import { passHatTable, passTable } from '../../../pipeline/tables/passkt';
import { passDiffTable } from '../../../pipeline/tables/passkt-diff';
import { powerTable } from '../../../pipeline/tables/power';
import { retrievalTable } from '../../../pipeline/tables/retrieval';
import { retrievalDecompositionTable } from '../../../pipeline/tables/retrieval-decomposition';
import { saturationTable } from '../../../pipeline/tables/saturation';
import { sequencesTable } from '../../../pipeline/tables/sequences';
import { surprisalDiffTable, surprisalEpisodesTable, surprisalTable } from '../../../pipeline/tables/surprisal';
import { swapAttributionTable, swapEpisodesTable, swapTable } from '../../../pipeline/tables/swap';
import { taskTableFile } from '../../../pipeline/tables/task-table';
import { tracesFile } from '../../../pipeline/tables/traces';
import { verdictTable } from '../../../pipeline/tables/verdict';
import { runStages, tempDir } from '../../helpers/run-stages';


// Which stage writes each declared CSV of an analysis run.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const CSV_TABLES: [string, CsvTable<any>][] = [
  ['passkt', passTable],
  ['passkt', passHatTable],
  ['passkt', passDiffTable],
  ['passkt', marginalTable],
  ['passkt', saturationTable],
  ['passkt', crossoverTable],
  ['boundary', boundaryTable],
  ['boundary', verdictTable],
  ['boundary', powerTable],
  ['retrieval', retrievalTable],
  ['label', labelsTable],
  ['label', sequencesTable],
  ['label', diversityTable],
  ['label', labelFrequenciesTable],
  ['label', labelAccuracyTable],
  ['label', labelConfusionTable],
  ['cluster', clustersTable],
  ['compare', compareFrequenciesTable],
  ['compare', decompositionTable],
  ['compare', retrievalDecompositionTable],
  ['score', surprisalTable],
  ['score', surprisalDiffTable],
  ['score', surprisalEpisodesTable],
  ['swap', swapTable],
  ['swap', swapAttributionTable],
  ['swap', swapEpisodesTable],
];

const ANALYSIS = ['simulate', 'ingest', 'passkt', 'boundary', 'retrieval', 'label', 'cluster', 'compare', 'score', 'swap'] as const;

describe('every output of a real run, through its declaration', async () => {
  const runDir = tempDir('round-trip-');
  const registry = pipelineRegistry();
  const small = { simulate: { quick: true, tasksPerFamily: 6, samples: 4 }, passkt: { resamples: 20 }, boundary: { resamples: 20 }, label: { resamples: 20 }, compare: { resamples: 20 }, cluster: { sampleSize: 200 }, score: { enabled: true, policies: ['rl'], samples: 1, resamples: 20 }, swap: { enabled: true, samples: 1, resamples: 20 } };
  await runStages(
    registry.all(),
    { stages: ANALYSIS.map((name) => ({ name, params: (small as Record<string, Record<string, unknown>>)[name] ?? {} })), settings: { seed: 3, strict: false } },
    runDir,
  );
  const input = (stage: string): StageInput => {
    const dir = join(runDir, registry.folder(stage));
    return stageInput(stage, dir, JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  };

  it.each(CSV_TABLES.map(([stage, table]) => [table.file, stage, table] as const))('%s (%s) has exactly its declared columns and round-trips byte for byte', async (file, stage, table) => {
    const source = input(stage);
    const text = readFileSync(source.path(file), 'utf8');
    expect(text.split('\n')[0]).toBe(table.columns.join(','));
    const rows = await table.read(source);
    expect(rows.length).toBeGreaterThan(0);
    expect(table.format(rows)).toBe(text);
  });

  it('declares every CSV the analysis stages write', () => {
    const declared = new Set(CSV_TABLES.map(([stage, table]) => `${stage}/${table.file}`));
    const written = ANALYSIS.flatMap((stage) => readdirSync(join(runDir, registry.folder(stage))).filter((file) => file.endsWith('.csv')).map((file) => `${stage}/${file}`));
    expect(written.filter((file) => !declared.has(file))).toEqual([]);
  });

  it('reads the JSON and JSON Lines outputs through their declarations', async () => {
    let episodes = 0;
    for await (const row of episodesFile.stream(input('ingest'))) episodes += row.correct === true || row.correct === false ? 1 : 0;
    const summary = await ingestSummaryFile.read(input('ingest'));
    expect(episodes).toBe(summary.accepted);
    let traces = 0;
    for await (const trace of tracesFile.stream(input('ingest'))) traces += trace.steps ? 1 : 0;
    expect(traces).toBe(summary.accepted);
    let tasks = 0;
    for await (const task of taskTableFile.stream(input('ingest'))) tasks += task.question ? 1 : 0;
    expect(tasks).toBe(summary.tasks.accepted);
    let outcomes = 0;
    for await (const outcome of outcomesFile.stream(input('passkt'))) outcomes += outcome.n;
    expect(outcomes).toBeGreaterThanOrEqual(summary.accepted);
    let labelled = 0;
    for await (const episode of featuresFile.stream(input('label'))) labelled += episode.id ? 1 : 0;
    expect(labelled).toBe(summary.accepted);
    const boundaries = await boundaryTasksFile.read(input('boundary'));
    expect(boundaries.length).toBe((await boundaryTable.read(input('boundary'))).length);
    expect((await clusterSummaryFile.read(input('cluster'))).episodes).toBe(summary.accepted);
  });
});
