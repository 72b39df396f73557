/**
 * Retrieval: per policy, family and budget, how often episodes retrieved their evidence and how
 * accurate they were with and without it (FORMAT.md `retrieval.csv`). The definition is chosen per
 * family: `gold_docs` when its tasks list gold documents, else `answer_in_results`.
 */
import { z } from 'zod';
import { isOutcomeOnly } from '../../../analyses/episode';
import { RETRIEVAL_DEFINITIONS, type RetrievalDefinition } from '../../../analyses/mechanism/retrieval-success';
import { addToRetrievalTable, createRetrievalTable, retrievalCoverage, summarizeRetrieval } from '../../../analyses/mechanism/retrieval-table';
import { ConfigError } from '../../errors';
import { textTable } from '../../cli/table';
import { EpisodeAccount, episodesReceived } from '../../runner/episode-account';
import { defineStage, type StageInput } from '../../runner/stage';
import { retrievalTable } from '../../tables/retrieval';
import { episodesFile } from '../../tables/episodes';
import type { DocumentCount } from '../../tables/ingest-summary';

/** Parameters of the retrieval stage. */
export const RetrievalParams = z.object({
  /** `auto` (the best definition each family's tasks allow), or force `gold_docs` / `answer_in_results`. */
  definition: z.enum(['auto', ...RETRIEVAL_DEFINITIONS]).default('auto'),
});

/** Per family, the policies that got tool results but none carrying a document (from ingest's manifest). */
function policiesWithoutDocuments(counts: readonly DocumentCount[]): Map<string, string[]> {
  const families = new Map<string, string[]>();
  for (const count of counts) {
    // A policy that never got a tool result retrieved nothing; one whose results all lack documents is unmeasurable.
    if (count.results === 0 || count.results_with_docs > 0) continue;
    families.set(count.family, [...(families.get(count.family) ?? []), count.policy]);
  }
  return families;
}

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
    const ingest = ctx.input('ingest');
    const account = new EpisodeAccount('retrieval', episodesReceived(ingest.manifest));
    let episodes = 0;
    const progress = ctx.progress('episodes');
    for await (const row of episodesFile.stream(ingest)) {
      episodes += 1;
      progress.tick();
      // Without steps nothing is known of what the tools returned.
      if (isOutcomeOnly(row)) account.leaveOut('trace_missing', row.policy);
      else addToRetrievalTable(table, row);
    }
    progress.stop();
    const withoutDocuments = policiesWithoutDocuments((ingest.manifest.details.documents ?? []) as DocumentCount[]);
    const unusable = new Map<string, RetrievalDefinition>([...withoutDocuments.keys()].map((family) => [family, 'gold_docs']));
    const result = summarizeRetrieval(table, ctx.params.definition, unusable);
    await retrievalTable.write(ctx.out, result.rows);
    const summary: string[] = [];
    const goldFamilies = new Set([...table.cells.values()].filter((cell) => cell.byDefinition.gold_docs.n.some((n) => n > 0)).map((cell) => cell.family));
    for (const [family, policies] of withoutDocuments) {
      if (!goldFamilies.has(family)) continue;
      const kept = result.definitions.get(family) === 'gold_docs';
      summary.push(
        `retrieval: warning: ${family}: the tasks list gold documents, but no tool result of ${policies.join(', ')} carries a document, so gold_docs would count every episode of ${policies.length === 1 ? 'that policy' : 'those policies'} as missing its evidence` +
          (kept ? ' — kept because --retrieval-definition gold_docs was given' : ` — using ${result.definitions.get(family) ?? 'no definition'} for this family instead`),
      );
    }
    for (const [family, definition] of result.definitions) summary.push(`retrieval: ${family}: definition ${definition}`);
    for (const family of result.undefinedFamilies) {
      summary.push(`retrieval: ${family}: no gold documents and no answers in its tasks — retrieval success undefined, no rows`);
    }
    const excludedTotal = [...result.excluded.values()].reduce((sum, n) => sum + n, 0);
    for (const coverage of retrievalCoverage(table, result.definitions)) {
      account.use(coverage.used);
      account.leaveOut('no_retrieval_definition', coverage.policy, coverage.noDefinition);
      account.leaveOut('retrieval_undefined_for_task', coverage.policy, coverage.notApplicable);
    }
    account.check();
    return {
      counts: { ...account.counts(), episodes, rows: result.rows.length, excluded: excludedTotal },
      summary: [...summary, ...account.summary()],
      details: {
        definitions: Object.fromEntries(result.definitions),
        excluded: Object.fromEntries(result.excluded),
        policies_without_documents: Object.fromEntries(withoutDocuments),
        ...account.details(),
      },
    };
  },
});
