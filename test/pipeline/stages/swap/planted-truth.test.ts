/**
 * Planted truth of the swap through the simulator server. The simulator's plan and reasoning are
 * separable (pipeline/serve/transcript-reading.ts): plan p read by policy r is right with probability
 * R_p · integration_r, where R_p is the share of p's searches that showed every gold paragraph. So the
 * expected grid and its attribution follow from the searches (R, measured here from ingest's retrieval
 * counts) and data/simulator.config.json (integration) — and the recovered values must hold them within
 * their intervals.
 */
import { describe, expect, it } from 'vitest';
import { attributionTerms } from '../../../../analyses/experiments/attribution';
import type { EpisodeRow } from '../../../../analyses/episode';
import { loadSimulatorConfig } from '../../../../pipeline/simulate/simulator-config';
import { episodesFile } from '../../../../pipeline/tables/episodes';
import { swapAttributionTable, swapEpisodesTable, swapTable } from '../../../../pipeline/tables/swap';
import { collectedRun } from '../../../helpers/collected-run';

describe('swap: planted truth through the simulator server', () => {
  it('recovers the planted 2 × 2 grid and the plan / reasoning shares within their intervals', async () => {
    const run = await collectedRun({ policies: ['base', 'rl', 'sft'], families: ['bridge', 'comparison'], perFamily: 20, budgets: [0, 1, 3], samples: 4, seed: 23 }, [
      { name: 'swap', params: { enabled: true, plan: 'rl', samples: 0, resamples: 1000 } },
    ]);
    const manifest = run.outcomes.find((o) => o.stage === 'swap')!.manifest;
    // Every episode accounted for: sft's are another policy's, T = 0 has no plan to swap.
    expect(manifest.counts).toMatchObject({ episodes_in: 1440, episodes_used: 640, left_out_other_policy: 480, left_out_no_search_budget: 320, keys: 320 });

    const integration = { rl: loadSimulatorConfig().policies.rl!.integration, base: loadSimulatorConfig().policies.base!.integration };
    const episodes: EpisodeRow[] = [];
    for await (const row of episodesFile.stream(run.input('ingest'))) episodes.push(row);
    const cells = await swapTable.read(run.input('swap'));
    const attribution = await swapAttributionTable.read(run.input('swap'));
    const detail = await swapEpisodesTable.read(run.input('swap'));
    expect(detail).toHaveLength(4 * 320);

    for (const family of ['bridge', 'comparison']) {
      // R_p: the share of p's swapped episodes (T > 0) whose results showed every gold paragraph.
      const share = (policy: string) => {
        const own = episodes.filter((e) => e.policy === policy && e.family === family && e.budget !== 0);
        return own.filter((e) => e.gold_total > 0 && e.gold_retrieved === e.gold_total).length / own.length;
      };
      const R = { rl: share('rl'), base: share('base') };
      const expected = { AA: R.rl * integration.rl, AB: R.rl * integration.base, BA: R.base * integration.rl, BB: R.base * integration.base };
      const cell = (plan: string, reasoning: string) => cells.find((c) => c.family === family && c.budget === 'all' && c.plan_policy === plan && c.reasoning_policy === reasoning)!;
      const within = (value: number, row: { ci_low: number | null; ci_high: number | null }, what: string) => {
        expect(value, `${family} ${what}: ${value} in [${row.ci_low}, ${row.ci_high}]`).toBeGreaterThanOrEqual(row.ci_low!);
        expect(value, `${family} ${what}: ${value} in [${row.ci_low}, ${row.ci_high}]`).toBeLessThanOrEqual(row.ci_high!);
      };
      within(expected.AA, cell('rl', 'rl'), 'rl plan, rl reasoning');
      within(expected.AB, cell('rl', 'base'), 'rl plan, base reasoning');
      within(expected.BA, cell('base', 'rl'), 'base plan, rl reasoning');
      within(expected.BB, cell('base', 'base'), 'base plan, base reasoning');

      const terms = attributionTerms(expected);
      const term = (component: string, order: string) => attribution.find((a) => a.family === family && a.budget === 'all' && a.component === component && a.order === order)!;
      within(terms[0]!, term('total', 'none'), 'total');
      within(terms[5]!, term('plan', 'shapley'), 'plan (Shapley)');
      within(terms[6]!, term('reasoning', 'shapley'), 'reasoning (Shapley)');
      within(terms[5]! / terms[0]!, { ci_low: term('plan', 'shapley').share_ci_low, ci_high: term('plan', 'shapley').share_ci_high }, 'plan share');
      // Plan + reasoning = total, in the table as in the planted values.
      expect(term('plan', 'shapley').difference + term('reasoning', 'shapley').difference).toBeCloseTo(term('total', 'none').difference, 12);
    }
  });
});
