/**
 * The passkt stage: PASS@(k,T) and pass^k for every family, policy, budget T and k = 1..n with
 * bootstrap intervals over tasks; paired differences between policies; marginal values Δ_k and Δ_T;
 * saturation depth T*; crossover k. Also writes the per-task outcome table (n, c) the boundary stage
 * reads.
 *
 *   ingest/episodes.jsonl (or merge/stats.jsonl) ─► outcome counts (capped | thresholded | all) ─► outcomes.jsonl
 *                                   └─► bootstrap (one weight vector per resample and family)
 *                                         ├─► passkt.csv, passhatk.csv, passkt_diff.csv
 *                                         └─► marginal.csv, saturation.csv, crossover.csv
 */
import { z } from 'zod';
import { CROSSOVER_TOLERANCE, findCrossovers } from '../../../analyses/passkt/crossover';
import { analysePass } from '../../../analyses/passkt/curves';
import { policyPairs } from '../../../analyses/passkt/pairs';
import { saturationDepths } from '../../../analyses/passkt/saturation';
import { createRng } from '../../../analyses/random/rng';
import { EpisodeAccount, episodesReceived } from '../../runner/episode-account';
import { defineStage } from '../../runner/stage';
import { BASE_FLAG, RESAMPLES_FLAG } from '../../runner/shared-flags';
import { BaseParam, referenceLines, resolveReference } from '../../runner/reference-policy';
import { inspectPasskt } from './inspect';
import { collectEpisodes } from '../../tables/episodes';
import { collectMergedStats } from './collect-merged';
import { crossoverRows, diffRows, marginalRows, passRows, saturationRows } from './rows';
import { crossoverTable } from '../../tables/crossover';
import { marginalTable } from '../../tables/marginal';
import { passHatTable, passTable } from '../../tables/passkt';
import { passDiffTable } from '../../tables/passkt-diff';
import { saturationTable } from '../../tables/saturation';
import { assignmentLines, headlineLines } from './summary';
import { outcomesFile } from '../../tables/outcomes';

/** Parameters of the passkt stage. */
export const PassktParams = z.object({
  /** The reference policy: every other policy is compared with it (a = other, b = base); unset = resolved from the data. */
  base: BaseParam,
  /** Bootstrap resamples over tasks (0: point estimates only). */
  resamples: z.number().int().min(0).default(1000),
  /** Coverage of the percentile intervals. */
  level: z.number().gt(0).lt(1).default(0.95),
  /** The budget grid T; null: the budgets of the capped episodes, else 0,1,2,3,5. */
  budgets: z.array(z.number().int().min(0)).min(1).nullable().default(null),
  /** T* is the smallest T after which every further Δ_T is below this. */
  saturationThreshold: z.number().min(0).default(0.01),
  /** Differences a − b within this of 0 are ties: a crossover needs a sign change beyond it (docs/passkt.md). */
  crossoverTolerance: z.number().min(0).default(CROSSOVER_TOLERANCE),
});

/** The passkt stage. */
export const passktStage = defineStage({
  name: 'passkt',
  description: 'PASS@(k,T) and pass^k with bootstrap intervals, paired differences, marginal values, T*, crossover',
  inputs: [],
  // The outcome counts come from ingest's episode rows, or in a merge run from the summed shard statistics.
  optionalInputs: ['ingest', 'merge'],
  modes: ['analysis', 'merge'],
  params: PassktParams,
  cli: [BASE_FLAG, RESAMPLES_FLAG],
  inspect: inspectPasskt,
  async run(ctx) {
    const { params } = ctx;
    const collector = ctx.hasInput('merge') ? await collectMergedStats(ctx.input('merge')) : await collectEpisodes(ctx);
    const { outcomes, report } = collector.finish(params.budgets);

    const writer = outcomesFile.open(ctx.out);
    for (const outcome of outcomes) await writer.write(outcome);
    await writer.close();

    const policies = new Set(outcomes.map((outcome) => outcome.policy));
    const reference = resolveReference(params.base, policies);
    const pairs = policyPairs(policies, reference.policy);
    const analysis = analysePass(outcomes, pairs, { resamples: params.resamples, level: params.level, rng: createRng(ctx.seed) });
    const saturation = saturationDepths(analysis.curves, analysis.marginal, params.saturationThreshold, { stepReplicates: analysis.stepReplicates, level: params.level });
    const crossovers = findCrossovers(analysis.diffs, { tolerance: params.crossoverTolerance, level: params.level });

    await passTable.write(ctx.out, passRows(analysis.curves, 'pass'));
    await passHatTable.write(ctx.out, passRows(analysis.curves, 'passhat'));
    await passDiffTable.write(ctx.out, diffRows(analysis.diffs));
    await marginalTable.write(ctx.out, marginalRows(analysis.marginal));
    await saturationTable.write(ctx.out, saturationRows(saturation));
    await crossoverTable.write(ctx.out, crossoverRows(crossovers, params.crossoverTolerance));

    const account = new EpisodeAccount('passkt', episodesReceived(ctx.input(ctx.hasInput('merge') ? 'merge' : 'ingest').manifest));
    account.use(report.episodes - report.episodesOutsideGrid);
    for (const [policy, n] of Object.entries(report.outsideGridByPolicy)) account.leaveOut('budget_outside_grid', policy, n);
    account.check();

    const pairCount = report.pairsCapped + report.pairsThresholded;
    const summary = [
      ...referenceLines('passkt', reference),
      ...assignmentLines(report, pairCount),
      ...account.summary(),
      ...headlineLines(analysis, crossovers, saturation, params),
    ];
    return {
      counts: {
        ...account.counts(),
        episodes: report.episodes,
        policy_task_pairs: pairCount,
        capped_pairs: report.pairsCapped,
        thresholded_pairs: report.pairsThresholded,
        mixed_pairs: report.pairsMixed,
        episodes_outside_grid: report.episodesOutsideGrid,
        outcome_rows: outcomes.length,
        curves: analysis.curves.length,
        policy_pairs: pairs.length,
      },
      summary,
      details: { grid: report.grid, grid_source: report.gridSource, reference, pairs, resamples: params.resamples, level: params.level, ...account.details() },
    };
  },
});
