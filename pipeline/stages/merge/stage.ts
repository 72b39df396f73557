/**
 * The merge stage: a source stage that sums the statistics of shard runs (`--shard i/N`, each with its
 * stats stage) exactly, after checking they form one complete set cut from the same inputs. passkt
 * and boundary then run from the sum (`passkt.source = merge`) and give the bytes of one unsharded run.
 *
 *   <run>/NN-stats/stats.jsonl × N ─► checks ─► sums ─┬─► stats.jsonl (what passkt reads), tasks.jsonl, summary.json
 *                                                     └─► label_counts.csv, label_frequencies.csv
 */
import { labelCountsTable } from '../../tables/label-counts';
import { labelFrequenciesTable } from '../../tables/label-frequencies';
import { z } from 'zod';
import { addReasons, addRecordCounts, emptyRecordCounts } from '../../../analyses/shard/counts';
import { labelFrequencyRows } from '../../../analyses/shard/label-frequency-rows';
import { TAXONOMY_LABELS } from '../../../analyses/strategy/rules';
import { UserError } from '../../errors';
import { defineStage } from '../../runner/stage';
import { findStatsFiles } from './find-stats';
import { inspectStats } from '../../tables/stats/inspect';
import { checkShardSet, checkSameRun, codeVersionMismatches } from './merge-checks';
import { readStatsHeader } from '../../tables/stats/read';
import { STATS_FORMAT, type StatsHeader } from '../../tables/stats/format';
import { sumShards } from './sum-shards';
import { sortTasks, writeStats } from '../../tables/stats/write';
import { type IngestSummary, ingestSummaryFile } from '../../tables/ingest-summary';
import { taskTableFile } from '../../tables/task-table';

/** Parameters of the merge stage. */
export const MergeParams = z.object({
  /** The shard runs to merge: their run folders (or their `stats.jsonl` files). */
  shards: z.array(z.string().min(1)).default([]),
});

/** The merge stage. */
export const mergeStage = defineStage({
  name: 'merge',
  description: 'sum the statistics of shard runs exactly (outcome counts, record counts, label counts) for passkt and boundary',
  inputs: [],
  modes: ['merge'],
  requestsMode: (params) => (Array.isArray(params.shards) && params.shards.length > 0 ? 'merge' : undefined),
  params: MergeParams,
  externalFiles: (params) => findStatsFiles(params.shards),
  cliGroup: 'performance',
  cli: [
    {
      flags: '--merge <runs...>',
      description: 'merge shard runs (their run folders) instead of reading trajectories; runs merge, passkt, boundary, report',
      param: 'shards',
    },
  ],
  inspect: inspectStats,
  async run(ctx) {
    const { params } = ctx;
    if (params.shards.length === 0) throw new UserError('merge needs shard runs.', 'Pass them with --merge <run-dir> <run-dir> …');
    const files = ctx.externalFiles.map((path, i) => ({ path, origin: params.shards[i] as string }));
    const headers = await Promise.all(files.map(async (file) => ({ ...file, header: await readStatsHeader(file.path, file.origin) })));
    const ordered = checkShardSet(headers);
    checkSameRun(ordered);
    const stale = codeVersionMismatches(ordered);
    if (stale.length > 0) ctx.log.warn(`${stale.join(', ')} ran another code version than shard 0; the statistics are summed all the same.`);

    const sum = await sumShards(ordered);
    const first = ordered[0]!.header;
    const records = ordered.reduce((total, shard) => addRecordCounts(total, shard.header.records), emptyRecordCounts());
    const tasks = sortTasks(sum.tasks);
    const header: StatsHeader = {
      kind: 'header',
      format: STATS_FORMAT,
      shard: null,
      merged_from: ordered.length,
      inputs: first.inputs,
      records,
      shared: { ...first.shared, tasks: { ...first.shared.tasks, accepted: tasks.length } },
      label: first.label,
      code_version: first.code_version,
    };
    const pairs = sum.collector.pairStats();
    const withLabels = first.label !== null;
    await writeStats(ctx.out, { header, tasks, pairs, labels: withLabels ? sum.labels : null });

    const taskWriter = taskTableFile.open(ctx.out);
    for (const row of tasks) await taskWriter.write(row);
    await taskWriter.close();
    const { shared } = header;
    const summary: IngestSummary = {
      shards: ordered.length,
      read: records.read + shared.rejected_by_source,
      accepted: records.accepted,
      rejected: records.rejected + shared.rejected_by_source,
      rejected_by_source: shared.rejected_by_source,
      matched_by_question: records.matched_by_question,
      tasks: shared.tasks,
      reject_reasons: addReasons(records.reject_reasons, shared.source_reject_reasons, shared.task_reject_reasons),
      inputs: ordered.map((shard) => shard.path),
    };
    await ingestSummaryFile.write(ctx.out, summary);
    if (withLabels) {
      const counts = sum.labels.rows();
      await labelCountsTable.write(ctx.out, counts);
      await labelFrequenciesTable.write(ctx.out, labelFrequencyRows(counts, sum.labels.truthRows(), TAXONOMY_LABELS));
    }

    return {
      counts: { shards: ordered.length, read: summary.read, accepted: summary.accepted, rejected: summary.rejected, tasks: tasks.length, policy_task_pairs: pairs.length, label_rows: withLabels ? sum.labels.size : 0 },
      summary: [
        `merge: ${ordered.length} shards of ${ordered.length}: read ${summary.read}, accepted ${summary.accepted}, rejected ${summary.rejected}${summary.rejected ? ' — reasons in summary.json' : ''}; ${tasks.length} tasks, ${pairs.length} (policy, task) pairs`,
        withLabels
          ? `merge: label counts (labeler ${first.label!.labeler}): ${sum.labels.size} (policy, task, budget, label) rows in label_counts.csv, frequencies in label_frequencies.csv`
          : 'merge: no label counts (the shards ran without the label stage)',
      ],
      details: { shards: ordered.map((shard) => ({ shard: shard.header.shard, path: shard.path })) },
    };
  },
});
