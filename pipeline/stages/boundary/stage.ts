/**
 * The boundary stage: per family, budget and policy pair, the tasks each policy solves at least once
 * in k = n samples (and at any extra k asked), the exact McNemar test of the set difference with its
 * Holm and Benjamini–Hochberg adjustments over every boundary test of the run, the task ids of every
 * set, and a verdict (expansion / regression / efficiency only / efficiency loss / no difference, a
 * significant loss always said) on Holm-adjusted p-values (the boundary claim on p_holm, the reliability
 * claim on Holm over the shared-task tests), with the numbers behind it.
 *
 *   passkt/outcomes.jsonl ─► boundary sets ─► boundary.csv (p, p_holm, q_bh), boundary_tasks.json
 *                                  └─► shared-task pass@1: bootstrap interval + sign-flip test
 *                                        └─► Holm over the shared-task tests ─► verdict.csv + summary sentences
 */
import { z } from 'zod';
import { pairBoundaries } from '../../../analyses/passkt/boundary-table';
import { pairVerdicts } from '../../../analyses/passkt/verdict-table';
import { powerTable } from '../../../analyses/passkt/power-table';
import { powerTable as powerCsv } from '../../tables/power';
import { inspectPower } from './power-inspect';
import { policyPairs } from '../../../analyses/passkt/pairs';
import { createRng } from '../../../analyses/random/rng';
import { defineStage } from '../../runner/stage';
import { headlineVerdicts, inspectBoundary } from './inspect';
import { boundaryRows, boundaryTasks, powerRows, sentenceOf, verdictRows } from './rows';
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
  /** Family-wise significance level of each family of verdict claims (boundary, reliability). */
  alpha: z.number().gt(0).lt(1).default(0.05),
  /** The shared-task pass@1 test (efficiency verdicts) needs at least this many tasks solved by both policies. */
  minSharedTasks: z.number().int().min(1).default(5),
  /** Random sign patterns of the shared-task sign-flip test when more than 16 tasks differ (exact below). */
  permutations: z.number().int().min(1).default(9999),
  /** Bootstrap resamples for the shared-task pass@1 interval (0: no interval, so no efficiency verdicts). */
  resamples: z.number().int().min(0).default(1000),
  /** Coverage of that interval. */
  level: z.number().gt(0).lt(1).default(0.95),
  /** Power wanted by the planning numbers of power.csv (`npm run inspect -- power`). */
  powerTarget: z.number().gt(0).lt(1).default(0.8),
  /** Largest number of tasks power.csv searches for the tasks the observed difference needs. */
  powerMaxTasks: z.number().int().min(1).default(100000),
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
  views: { power: { description: 'how large a boundary difference the experiment can detect, and how many tasks the observed one needs', inspect: inspectPower } },
  async run(ctx) {
    const { params } = ctx;
    const outcomes = await readAll(outcomesFile.stream(ctx.input('passkt')));
    const policies = new Set(outcomes.map((outcome) => outcome.policy));
    const pairs = policyPairs(policies, resolveReference(params.base, policies).policy);
    const boundaries = pairBoundaries(outcomes, pairs, params.boundaryK);
    const verdictTableOut = pairVerdicts(outcomes, boundaries, {
      resamples: params.resamples,
      level: params.level,
      alpha: params.alpha,
      minSharedTasks: params.minSharedTasks,
      permutations: params.permutations,
      rng: createRng(ctx.seed),
    });
    const verdicts = verdictTableOut.rows;
    const multiplicity = {
      boundary: `Holm and Benjamini–Hochberg over all ${boundaries.length} boundary tests of the run (every row of boundary.csv: each family, budget and policy pair${params.boundaryK.length > 0 ? ', at k = n and each extra k' : ''})`,
      verdicts: `verdicts at alpha=${params.alpha} per family of claims: the boundary claim on p_holm of boundary.csv, the reliability claim on Holm over the ${verdictTableOut.sharedTests} shared-task sign-flip tests`,
    };

    // Headlines name a budget the data was run at: the outcomes know which T are thresholded, not run.
    const headline: Record<string, Budget> = {};
    for (const family of new Set(outcomes.map((outcome) => outcome.family))) {
      const budget = headlineBudget(outcomes.filter((outcome) => outcome.family === family));
      if (budget !== null) headline[family] = budget;
    }

    await boundaryTable.write(ctx.out, boundaryRows(boundaries));
    await boundaryTasksFile.write(ctx.out, boundaryTasks(boundaries));
    await verdictTable.write(ctx.out, verdictRows(verdicts));
    const power = powerTable(outcomes, boundaries, { alpha: params.alpha, tests: boundaries.length, target: params.powerTarget, maxTasks: params.powerMaxTasks, headline });
    await powerCsv.write(ctx.out, powerRows(power));

    const excluded = boundaries.filter((row) => row.atN).reduce((sum, row) => sum + row.excluded.length, 0);
    const summary = [`boundary: ${boundaries.length} boundary rows over ${pairs.length} policy pairs; p_holm, q_bh: ${multiplicity.boundary}`, `boundary: ${multiplicity.verdicts}`];
    if (excluded > 0) summary.push(`boundary: ${excluded} (task, pair, budget) cases left out at k = n (task missing under one policy) — listed under "excluded" in boundary_tasks.json`);
    const uneven = boundaries.filter((row) => row.atN && row.nMax > row.k).length;
    if (uneven > 0) summary.push(`boundary: ${uneven} k = n rows have uneven episode counts across tasks: each task is judged at its own n (solved = some episode correct); k reports the smallest n, n_max in boundary_tasks.json the largest`);
    summary.push(...headlineVerdicts(verdicts, headline).map((row) => `boundary: ${sentenceOf(row)}`));
    const tally: Record<string, number> = {};
    for (const row of verdicts) tally[row.verdict] = (tally[row.verdict] ?? 0) + 1;
    return {
      counts: { boundary_rows: boundaries.length, verdicts: verdicts.length, policy_pairs: pairs.length, excluded_at_n: excluded, uneven_n_rows: uneven, boundary_tests: boundaries.length, shared_task_tests: verdictTableOut.sharedTests },
      summary,
      details: { verdicts: tally, alpha: params.alpha, multiplicity, headline_budgets: headline },
    };
  },
});
