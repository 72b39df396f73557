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
import { crossoverTable } from '../../../analyses/passkt/crossover';
import { analysePass } from '../../../analyses/passkt/curves';
import { policyPairs } from '../../../analyses/passkt/pairs';
import { saturationTable } from '../../../analyses/passkt/saturation';
import { createRng } from '../../../analyses/random/rng';
import { defineStage } from '../../runner/stage';
import { BASE_FLAG, RESAMPLES_FLAG } from '../../runner/shared-flags';
import { LeftOut } from '../../runner/episode-accounting';
import { BaseParam, referenceLines, resolveReference } from '../../runner/reference-policy';
import { inspectPasskt } from './inspect';
import { collectEpisodes } from './read';
import { collectMergedStats } from './collect-merged';
import { CROSSOVER_COLUMNS, DIFF_COLUMNS, MARGINAL_COLUMNS, PASS_COLUMNS, SATURATION_COLUMNS, crossoverRows, diffRows, marginalRows, passRows, saturationRows } from './rows';
import { assignmentLines, headlineLines } from './summary';

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
  /** Where the outcome counts come from: ingest's episode rows, or the merge stage's summed shard statistics. */
  source: z.enum(['ingest', 'merge']).default('ingest'),
});

/** The passkt stage. */
export const passktStage = defineStage({
  name: 'passkt',
  description: 'PASS@(k,T) and pass^k with bootstrap intervals, paired differences, marginal values, T*, crossover',
  inputs: (params: z.infer<typeof PassktParams>) => [params.source],
  params: PassktParams,
  cli: [BASE_FLAG, RESAMPLES_FLAG],
  inspect: inspectPasskt,
  async run(ctx) {
    const { params } = ctx;
    const collector = params.source === 'merge' ? await collectMergedStats(ctx.input('merge')) : await collectEpisodes(ctx);
    const { outcomes, report } = collector.finish(params.budgets);

    const writer = ctx.out.jsonl('outcomes.jsonl');
    for (const outcome of outcomes) await writer.write(outcome);
    await writer.close();

    const policies = new Set(outcomes.map((outcome) => outcome.policy));
    const reference = resolveReference(params.base, policies);
    const pairs = policyPairs(policies, reference.policy);
    const analysis = analysePass(outcomes, pairs, { resamples: params.resamples, level: params.level, rng: createRng(ctx.seed) });
    const saturation = saturationTable(analysis.curves, analysis.marginal, params.saturationThreshold);
    const crossovers = crossoverTable(analysis.diffs);

    await ctx.out.csv('passkt.csv', PASS_COLUMNS, passRows(analysis.curves, 'pass'));
    await ctx.out.csv('passhatk.csv', PASS_COLUMNS, passRows(analysis.curves, 'passhat'));
    await ctx.out.csv('passkt_diff.csv', DIFF_COLUMNS, diffRows(analysis.diffs));
    await ctx.out.csv('marginal.csv', MARGINAL_COLUMNS, marginalRows(analysis.marginal));
    await ctx.out.csv('saturation.csv', SATURATION_COLUMNS, saturationRows(saturation));
    await ctx.out.csv('crossover.csv', CROSSOVER_COLUMNS, crossoverRows(crossovers));

    const pairCount = report.pairsCapped + report.pairsThresholded;
    const leftOut = new LeftOut();
    for (const [policy, n] of Object.entries(report.outsideGridByPolicy)) leftOut.add('budget_outside_grid', policy, n);
    const summary = [
      ...referenceLines('passkt', reference),
      ...assignmentLines(report, pairCount),
      ...leftOut.lines('passkt'),
      ...headlineLines(analysis, crossovers, saturation, params.saturationThreshold),
    ];
    return {
      counts: {
        ...leftOut.counts(report.episodes),
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
      details: { grid: report.grid, grid_source: report.gridSource, reference, pairs, resamples: params.resamples, level: params.level },
    };
  },
});
