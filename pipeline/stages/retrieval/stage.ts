/**
 * Retrieval: per policy, family and budget, how often episodes retrieved their evidence and how
 * accurate they were with and without it (FORMAT.md `retrieval.csv`). The definition is chosen per
 * family: `gold_docs` when its tasks list gold documents, else `answer_in_results`.
 */
import { z } from 'zod';
import { RETRIEVAL_DEFINITIONS } from '../../../analyses/mechanism/retrieval-success';
import { addToRetrievalTable, createRetrievalTable, retrievalCoverage, summarizeRetrieval } from '../../../analyses/mechanism/retrieval-table';
import { ConfigError } from '../../errors';
import { textTable } from '../../cli/table';
import { EpisodeAccount, episodesReceived } from '../../runner/episode-account';
import { defineStage, type StageInput } from '../../runner/stage';
import { retrievalTable } from '../../tables/retrieval';
import { episodesFile } from '../../tables/episodes';

/** Parameters of the retrieval stage. */
export const RetrievalParams = z.object({
  /** `auto` (the best definition each family's tasks allow), or force `gold_docs` / `answer_in_results`. */
  definition: z.enum(['auto', ...RETRIEVAL_DEFINITIONS]).default('auto'),
});

async function inspectRetrieval(output: StageInput): Promise<string> {
  const rows = await retrievalTable.read(output);
  const table = textTable(
    ['family', 'budget', 'policy', 'episodes', 'retrieval', 'accuracy', 'acc | retrieved', 'acc | missed', 'definition'],
    rows.map((r) => [r.family, String(r.budget), r.policy, r.episodes, r.retrieval_rate, r.accuracy, r.acc_given_retrieved, r.acc_given_missed, r.definition]),
  );
  return [...output.manifest.summary, '', table].join('\n');
}

/** The retrieval stage. */
export const retrievalStage = defineStage({
  name: 'retrieval',
  description: 'retrieval success and accuracy given retrieved / missed evidence, per policy, family and budget',
  inputs: ['ingest'],
  modes: ['analysis'],
  params: RetrievalParams,
  cli: [
    {
      flags: '--retrieval-definition <name>',
      description: 'retrieval success: auto (default), gold_docs or answer_in_results',
      param: 'definition',
      parse: (value) => {
        const allowed = ['auto', ...RETRIEVAL_DEFINITIONS];
        if (typeof value !== 'string' || !allowed.includes(value)) {
          throw new ConfigError(`--retrieval-definition must be one of ${allowed.join(', ')}, got "${String(value)}".`);
        }
        return value;
      },
    },
  ],
  inspect: inspectRetrieval,
  async run(ctx) {
    const table = createRetrievalTable();
    let episodes = 0;
    const progress = ctx.progress('episodes');
    const ingest = ctx.input('ingest');
    for await (const row of episodesFile.stream(ingest)) {
      addToRetrievalTable(table, row);
      episodes += 1;
      progress.tick();
    }
    progress.stop();
    const result = summarizeRetrieval(table, ctx.params.definition);
    await retrievalTable.write(ctx.out, result.rows);
    const summary: string[] = [];
    for (const [family, definition] of result.definitions) {
      const excluded = result.excluded.get(family) ?? 0;
      summary.push(
        `retrieval: ${family}: definition ${definition}` +
          (excluded ? ` (${excluded} episodes of tasks it does not apply to left out)` : ''),
      );
    }
    for (const family of result.undefinedFamilies) {
      summary.push(`retrieval: ${family}: no gold documents and no answers in its tasks — retrieval success undefined, no rows`);
    }
    const excludedTotal = [...result.excluded.values()].reduce((sum, n) => sum + n, 0);
    const account = new EpisodeAccount('retrieval', episodesReceived(ingest.manifest));
    for (const coverage of retrievalCoverage(table, result.definitions)) {
      account.use(coverage.used);
      account.leaveOut('no_retrieval_definition', coverage.policy, coverage.noDefinition);
      account.leaveOut('retrieval_undefined_for_task', coverage.policy, coverage.notApplicable);
    }
    account.check();
    return {
      counts: { ...account.counts(), episodes, rows: result.rows.length, excluded: excludedTotal },
      summary: [...summary, ...account.summary()],
      details: { definitions: Object.fromEntries(result.definitions), excluded: Object.fromEntries(result.excluded), ...account.details() },
    };
  },
});
