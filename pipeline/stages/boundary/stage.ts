/**
 * The boundary stage: per family, budget and policy pair, the tasks each policy solves at least once
 * in k = n samples (and at any extra k asked), the exact McNemar test of the set difference, the task
 * ids of every set, and a verdict (expansion / regression / efficiency only / efficiency loss /
 * no difference) with the numbers behind it.
 *
 *   passkt/outcomes.jsonl ─► boundary sets ─► boundary.csv, boundary_tasks.json
 *                                  └─► shared-task pass@1 bootstrap ─► verdict.csv + summary sentences
 */
import { z } from 'zod';
import { pairBoundaries, pairVerdicts } from '../../../analyses/passkt/boundary-table';
import { policyPairs } from '../../../analyses/passkt/pairs';
import { createRng } from '../../../analyses/random/rng';
import { defineStage } from '../../runner/stage';
import { headlineVerdicts, inspectBoundary } from './inspect';
import { boundaryRows, boundaryTasks, sentenceOf, verdictRows } from './rows';
import { boundaryTable } from '../../tables/boundary';
import { verdictTable } from '../../tables/verdict';
import { BASE_FLAG, RESAMPLES_FLAG } from '../../runner/shared-flags';
import { readAll } from '../../io/read-all';
import { boundaryTasksFile } from '../../tables/boundary-tasks';
import { outcomesFile } from '../../tables/outcomes';
import { headlineBudget, type Budget } from '../../../analyses/budget';
import { BaseParam, resolveReference } from '../../runner/reference-policy';

/** Parameters of the boundary stage. */
export const BoundaryParams = z.object({
  /** The reference policy (policy_b of its pairs); unset = resolved from the data. */
  base: BaseParam,
  /** Extra k values for boundary rows besides k = n, below its k (a task counts as solved at k when its pass@k >= 1/2). */
  boundaryK: z.array(z.number().int().min(1)).default([]),
  /** Significance level of the McNemar test in the verdict rules. */
  alpha: z.number().gt(0).lt(1).default(0.05),
  /** Efficiency verdicts need at least this many tasks solved by both policies. */
  minSharedTasks: z.number().int().min(1).default(5),
  /** Bootstrap resamples for the shared-task pass@1 interval (0: no interval, so no efficiency verdicts). */
  resamples: z.number().int().min(0).default(1000),
  /** Coverage of that interval. */
  level: z.number().gt(0).lt(1).default(0.95),
});

/** The boundary stage. */
export const boundaryStage = defineStage({
  name: 'boundary',
  description: 'capability boundary sets per policy pair with exact McNemar tests, task lists and verdicts',
  inputs: ['passkt'],
  modes: ['analysis', 'merge'],
  params: BoundaryParams,
  cli: [
    BASE_FLAG,
    RESAMPLES_FLAG,
    {
      flags: '--boundary-k <ks>',
      description: 'extra k values for boundary sets besides k = n, comma-separated (e.g. 1,8)',
      param: 'boundaryK',
      parse: (value) => String(value).split(',').filter((part) => part.trim() !== '').map(Number),
    },
  ],
  inspect: inspectBoundary,
  async run(ctx) {
    const { params } = ctx;
    const outcomes = await readAll(outcomesFile.stream(ctx.input('passkt')));
    const policies = new Set(outcomes.map((outcome) => outcome.policy));
    const pairs = policyPairs(policies, resolveReference(params.base, policies).policy);
    const boundaries = pairBoundaries(outcomes, pairs, params.boundaryK);
    const verdicts = pairVerdicts(outcomes, boundaries, { resamples: params.resamples, level: params.level, alpha: params.alpha, minSharedTasks: params.minSharedTasks, rng: createRng(ctx.seed) });

    await boundaryTable.write(ctx.out, boundaryRows(boundaries));
    await boundaryTasksFile.write(ctx.out, boundaryTasks(boundaries));
    await verdictTable.write(ctx.out, verdictRows(verdicts));

    const excluded = boundaries.filter((row) => row.atN).reduce((sum, row) => sum + row.excluded.length, 0);
    const summary = [`boundary: ${boundaries.length} boundary rows over ${pairs.length} policy pairs; verdicts at alpha=${params.alpha}`];
    if (excluded > 0) summary.push(`boundary: ${excluded} (task, pair, budget) cases left out at k = n (task missing under one policy) — listed under "excluded" in boundary_tasks.json`);
    const uneven = boundaries.filter((row) => row.atN && row.nMax > row.k).length;
    if (uneven > 0) summary.push(`boundary: ${uneven} k = n rows have uneven episode counts across tasks: each task is judged at its own n (solved = some episode correct); k reports the smallest n, n_max in boundary_tasks.json the largest`);
    // Headlines name a budget the data was run at: the outcomes know which T are thresholded, not run.
    const headline: Record<string, Budget> = {};
    for (const family of new Set(outcomes.map((outcome) => outcome.family))) {
      const budget = headlineBudget(outcomes.filter((outcome) => outcome.family === family));
      if (budget !== null) headline[family] = budget;
    }
    summary.push(...headlineVerdicts(verdicts, headline).map((row) => `boundary: ${sentenceOf(row)}`));
    const tally: Record<string, number> = {};
    for (const row of verdicts) tally[row.verdict] = (tally[row.verdict] ?? 0) + 1;
    return {
      counts: { boundary_rows: boundaries.length, verdicts: verdicts.length, policy_pairs: pairs.length, excluded_at_n: excluded, uneven_n_rows: uneven },
      summary,
      details: { verdicts: tally, alpha: params.alpha, headline_budgets: headline },
    };
  },
});
