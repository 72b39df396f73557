/**
 * The stats stage: reduces one shard run (`--shard i/N`) to exact, additive sufficient statistics in
 * one file, `stats.jsonl`, which `--merge` sums over shards (docs/sharding.md).
 *
 *   ingest/episodes.jsonl ─► per (policy, task): capped budget → [n, c], uncapped n, rounds histogram
 *   ingest/tasks.jsonl, summary.json, rejects.jsonl ─► task table, record counts (own | shared)
 *   label/labels.csv, label_frequencies.csv ─► per (policy, family, task, budget, label): episodes, successes
 *                                                      └─► stats.jsonl
 */
import { z } from 'zod';
import type { TaskRow } from '../../../analyses/episode';
import { StageError } from '../../errors';
import { EpisodeAccount, episodesReceived } from '../../runner/episode-account';
import { defineStage } from '../../runner/stage';
import { inputIdentity } from './input-identity';
import { readLabelStats } from './label-stats';
import { inspectStats } from '../../tables/stats/inspect';
import { splitRejects } from './split-rejects';
import { STATS_FORMAT, type StatsHeader } from '../../tables/stats/format';
import { writeStats } from '../../tables/stats/write';
import { collectEpisodes } from '../../tables/episodes';
import { ingestSummaryFile } from '../../tables/ingest-summary';
import { taskTableFile } from '../../tables/task-table';


/** The stats stage. */
export const statsStage = defineStage({
  name: 'stats',
  description: 'one shard reduced to exact additive statistics (outcome counts, rounds histograms, label counts) for --merge',
  inputs: ['ingest'],
  modes: ['shard'],
  // The source stage is read for its manifest only: its seed, parameters and file hashes identify the input.
  optionalInputs: ['label', 'simulate', 'import', 'collect'],
  params: z.object({}),
  inspect: inspectStats,
  async run(ctx) {
    const ingest = ctx.input('ingest');
    const summary = await ingestSummaryFile.read(ingest);
    const shard = (ingest.manifest.params as { shard?: { index: number; count: number } }).shard ?? { index: 0, count: 1 };

    const collector = await collectEpisodes(ctx);
    const pairs = collector.pairStats();
    const episodes = pairs.reduce((sum, pair) => sum + pair.uncapped + pair.capped.reduce((s, [, n]) => s + n, 0), 0);
    if (episodes !== summary.accepted) {
      throw new StageError(`ingest/episodes.jsonl holds ${episodes} episodes but ingest/summary.json says ${summary.accepted} were accepted.`);
    }
    // Every episode enters the shard's sufficient statistics.
    const account = new EpisodeAccount('stats', episodesReceived(ingest.manifest));
    account.use(episodes);
    account.check();
    const rejects = await splitRejects(ingest.jsonl<{ kind?: string; category?: string }>('rejects.jsonl'), summary.rejected_by_source);
    const ownRejected = summary.rejected - summary.rejected_by_source;
    if (rejects.ownTotal !== ownRejected) {
      throw new StageError(`ingest/rejects.jsonl holds ${rejects.ownTotal} trajectory rejects of this shard but ingest/summary.json counts ${ownRejected}.`);
    }
    const tasks: TaskRow[] = [];
    for await (const row of taskTableFile.stream(ingest)) tasks.push(row);
    const label = ctx.hasInput('label') ? await readLabelStats(ctx.input('label')) : null;

    const header: StatsHeader = {
      kind: 'header',
      format: STATS_FORMAT,
      shard,
      inputs: inputIdentity(ctx),
      records: {
        read: summary.read - summary.rejected_by_source,
        accepted: summary.accepted,
        rejected: ownRejected,
        matched_by_question: summary.matched_by_question,
        reject_reasons: rejects.own,
      },
      shared: {
        tasks: summary.tasks,
        task_reject_reasons: rejects.task,
        rejected_by_source: summary.rejected_by_source,
        source_reject_reasons: rejects.source,
      },
      label: label?.labeler ?? null,
      code_version: ingest.manifest.code_version,
    };
    await writeStats(ctx.out, { header, tasks, pairs, labels: label?.counts ?? null });

    return {
      counts: {
        ...account.counts(),
        shard_index: shard.index,
        shard_count: shard.count,
        episodes,
        policy_task_pairs: pairs.length,
        tasks: tasks.length,
        label_rows: label?.counts.size ?? 0,
      },
      summary: [
        `stats: shard ${shard.index}/${shard.count}: ${episodes} episodes in ${pairs.length} (policy, task) pairs, ${tasks.length} tasks` +
          (label ? `, ${label.counts.size} (policy, task, budget, label) rows` : ', no label counts (label did not run)') +
          ' — combine the shards with --merge',
      ],
    };
  },
});
