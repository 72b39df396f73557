import { describe, expect, it } from 'vitest';
import type { EpisodeRow } from '../../../../analyses/episode';
import { passAtK, passHatK } from '../../../../analyses/stats/pass-at-k';
import { UserError } from '../../../../pipeline/errors';
import { passktStage } from '../../../../pipeline/stages/passkt/stage';
import { cappedEpisodes, episodeRow } from '../../../analyses/passkt/episode-fixtures';
import { runWithFakeContext } from '../../../helpers/fake-context';

const PARAMS = { resamples: 200 };

describe('passkt stage (fake context)', () => {
  it('writes every table with exactly the documented columns', async () => {
    const { rows } = cappedEpisodes();
    const { output, result } = await runWithFakeContext(passktStage, { params: PARAMS, inputs: { ingest: { 'episodes.jsonl': rows } } });
    expect(output.names()).toEqual(['crossover.csv', 'marginal.csv', 'outcomes.jsonl', 'passhatk.csv', 'passkt.csv', 'passkt_diff.csv', 'saturation.csv']);
    expect(output.unclosed()).toEqual([]);
    expect(output.csvColumns('passkt.csv')).toEqual(['policy', 'family', 'budget', 'k', 'pass', 'ci_low', 'ci_high', 'tasks', 'mode']);
    expect(output.csvColumns('passhatk.csv')).toEqual(output.csvColumns('passkt.csv'));
    expect(output.csvColumns('passkt_diff.csv')).toEqual(['family', 'budget', 'k', 'policy_a', 'policy_b', 'diff', 'ci_low', 'ci_high']);
    expect(output.csvColumns('marginal.csv')).toEqual(['policy', 'family', 'kind', 'k_from', 'k_to', 'budget_from', 'budget_to', 'delta', 'ci_low', 'ci_high', 'mode', 'tasks']);
    // every task has 8 episodes at both budgets: each Δ pairs all 6 tasks of its family
    expect(new Set(output.csvRows('marginal.csv').map((row) => row.tasks))).toEqual(new Set(['6']));
    expect(result.counts).toMatchObject({ episodes: rows.length, policy_task_pairs: 36, capped_pairs: 36, thresholded_pairs: 0, mixed_pairs: 0 });
    // 3 policies × 2 families × 2 budgets × k = 1..8
    expect(output.csvRows('passkt.csv')).toHaveLength(96);
    // pairs: rl − base, sft − base, rl − sft; × 2 families × 2 budgets × 8 k
    expect(output.csvRows('passkt_diff.csv')).toHaveLength(96);
    expect(new Set(output.csvRows('passkt_diff.csv').map((row) => `${row.policy_a}-${row.policy_b}`))).toEqual(new Set(['rl-base', 'sft-base', 'rl-sft']));
  });

  it('computes PASS@(k,T) and pass^k as the mean over tasks of the per-task estimator', async () => {
    const { rows } = cappedEpisodes();
    const { output } = await runWithFakeContext(passktStage, { params: PARAMS, inputs: { ingest: { 'episodes.jsonl': rows } } });
    const pass = output.csvRows('passkt.csv');
    const hat = output.csvRows('passhatk.csv');
    for (const policy of ['base', 'rl']) {
      for (const budget of [0, 2]) {
        for (const k of [1, 3, 8]) {
          // independent computation straight from the episode rows
          const tasks = [...new Set(rows.filter((row) => row.family === 'bridge').map((row) => row.task))];
          const expected = tasks.map((task) => {
            const episodes = rows.filter((row) => row.policy === policy && row.task === task && row.budget === budget);
            const c = episodes.filter((row) => row.correct).length;
            return [passAtK(episodes.length, c, k), passHatK(episodes.length, c, k)] as const;
          });
          const find = (table: Record<string, string>[]) => table.find((row) => row.policy === policy && row.family === 'bridge' && row.budget === String(budget) && row.k === String(k));
          const mean = (index: 0 | 1) => expected.reduce((sum, pair) => sum + pair[index], 0) / expected.length;
          expect(Number(find(pass)?.pass)).toBeCloseTo(mean(0), 12);
          expect(Number(find(hat)?.pass)).toBeCloseTo(mean(1), 12);
          expect(find(pass)).toMatchObject({ tasks: '6', mode: 'capped' });
          const row = find(pass) as Record<string, string>;
          expect(Number(row.ci_low)).toBeLessThanOrEqual(Number(row.pass) + 1e-12);
          expect(Number(row.ci_high)).toBeGreaterThanOrEqual(Number(row.pass) - 1e-12);
        }
      }
    }
  });

  it('is byte-for-byte deterministic for a seed and uses the seed', async () => {
    const { rows } = cappedEpisodes();
    const run = async (seed: number) => (await runWithFakeContext(passktStage, { params: PARAMS, seed, inputs: { ingest: { 'episodes.jsonl': rows } } })).output;
    const [first, second, other] = await Promise.all([run(4), run(4), run(5)]);
    for (const file of first.names()) expect(second.content(file)).toBe(first.content(file));
    expect(other.content('passkt.csv')).not.toBe(first.content('passkt.csv'));
    expect(other.content('outcomes.jsonl')).toBe(first.content('outcomes.jsonl'));
  });

  it('thresholds uncapped episodes over the default grid, adds `all` rows, and states mixed input', async () => {
    const rows: EpisodeRow[] = [];
    for (let s = 0; s < 4; s++) rows.push(episodeRow('base', 'q1', 'all', null, s, s, s !== 1)); // correct at rounds 0, 2, 3
    rows.push(episodeRow('rl', 'q1', 'all', 3, 0, 1, true));
    rows.push(episodeRow('rl', 'q1', 'all', null, 1, 9, true));
    const { output, result } = await runWithFakeContext(passktStage, { params: { resamples: 0 }, inputs: { ingest: { 'episodes.jsonl': rows } } });
    const pass = output.csvRows('passkt.csv');
    const at = (policy: string, budget: string, k: string) => pass.find((row) => row.policy === policy && row.budget === budget && row.k === k);
    // capped budgets present (3): the grid is [3]
    expect(at('base', '3', '1')).toMatchObject({ pass: '0.75', mode: 'thresholded', ci_low: '', ci_high: '', tasks: '1' });
    expect(at('base', 'all', '1')).toMatchObject({ pass: '0.75', mode: 'thresholded' });
    expect(at('rl', '3', '1')).toMatchObject({ pass: '1', mode: 'capped' });
    expect(at('rl', 'all', '1')).toMatchObject({ pass: '1', mode: 'thresholded' });
    expect(result.summary?.some((line) => line.includes('mixed input — 1 (policy, task) pairs'))).toBe(true);

    const defaults = await runWithFakeContext(passktStage, { params: { resamples: 0 }, inputs: { ingest: { 'episodes.jsonl': rows.filter((row) => row.budget === null) } } });
    const budgets = new Set(defaults.output.csvRows('passkt.csv').map((row) => row.budget));
    expect(budgets).toEqual(new Set(['0', '1', '2', '3', '5', 'all']));
    const base = defaults.output.csvRows('passkt.csv').filter((row) => row.policy === 'base' && row.k === '1');
    expect(base.map((row) => [row.budget, row.pass])).toEqual([
      ['0', '0.25'],
      ['1', '0.25'],
      ['2', '0.5'],
      ['3', '0.75'],
      ['5', '0.75'],
      ['all', '0.75'],
    ]);
  });

  it('writes marginal values, saturation depths and crossovers', async () => {
    const { rows } = cappedEpisodes();
    const { output } = await runWithFakeContext(passktStage, { params: PARAMS, inputs: { ingest: { 'episodes.jsonl': rows } } });
    const pass = output.csvRows('passkt.csv');
    const value = (policy: string, budget: string, k: number) => Number(pass.find((row) => row.policy === policy && row.family === 'bridge' && row.budget === budget && row.k === String(k))?.pass);
    const marginal = output.csvRows('marginal.csv');
    const dk = marginal.find((row) => row.policy === 'rl' && row.family === 'bridge' && row.kind === 'k' && row.budget_from === '2' && row.k_from === '2');
    expect(dk).toMatchObject({ k_to: '4', budget_to: '2', mode: 'capped' });
    expect(Number(dk?.delta)).toBeCloseTo(value('rl', '2', 4) - value('rl', '2', 2), 12);
    const dt = marginal.find((row) => row.policy === 'rl' && row.family === 'bridge' && row.kind === 'T' && row.k_from === '8');
    expect(dt).toMatchObject({ budget_from: '0', budget_to: '2', k_to: '8' });
    expect(Number(dt?.delta)).toBeCloseTo(value('rl', '2', 8) - value('rl', '0', 8), 12);
    const saturation = output.csvRows('saturation.csv');
    expect(saturation).toHaveLength(3 * 2 * 8);
    for (const row of saturation) {
      const gain = value(row.policy as string, '2', Number(row.k)) - value(row.policy as string, '0', Number(row.k));
      if (row.family !== 'bridge') continue;
      expect(row.t_star).toBe(gain < 0.01 ? '0' : '');
      expect(row.saturated).toBe(gain < 0.01 ? 'true' : 'false');
    }
    const crossover = output.csvRows('crossover.csv');
    expect(crossover).toHaveLength(3 * 2 * 2);
    expect(['crosses', 'converge', 'above', 'below', 'none']).toContain(crossover[0]?.status);
  });

  it('pairs Δ_k over the tasks with at least 2k episodes when episode counts differ', async () => {
    // task A: 64 episodes, none correct; task B: 1 episode, correct. PASS@1 = 1/2 and PASS@2 = 0 (A only),
    // yet per task nothing is lost: Δ_1 over A is 0
    const rows = [...Array.from({ length: 64 }, (_, s) => episodeRow('rl', 'A', 'bridge', 2, s, 1, false)), episodeRow('rl', 'B', 'bridge', 2, 0, 1, true)];
    const { output } = await runWithFakeContext(passktStage, { params: PARAMS, inputs: { ingest: { 'episodes.jsonl': rows } } });
    const marginal = output.csvRows('marginal.csv');
    expect(marginal).toHaveLength(32);
    expect(marginal[0]).toMatchObject({ kind: 'k', k_from: '1', k_to: '2', delta: '0', ci_low: '0', ci_high: '0.975', tasks: '1' });
    expect(marginal.every((row) => Number(row.delta) >= 0)).toBe(true);
  });

  it('stops with a clear message on a corrupt episode row, naming the line', async () => {
    const rows: unknown[] = [episodeRow('base', 't', 'all', 1, 0, 1, true), { ...episodeRow('base', 't', 'all', 1, 1, 1, true), budget: -2 }];
    const run = runWithFakeContext(passktStage, { params: PARAMS, inputs: { ingest: { 'episodes.jsonl': rows } } });
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(/episodes\.jsonl line 2: budget must be a non-negative integer or null/);
  });

  it('inspect prints the k × T table per family and policy', async () => {
    const { rows } = cappedEpisodes();
    const { output } = await runWithFakeContext(passktStage, { params: PARAMS, inputs: { ingest: { 'episodes.jsonl': rows } } });
    const text = await passktStage.inspect!(output.asInput('passkt'));
    expect(text).toContain('bridge · base (capped, 6 tasks)');
    expect(text).toContain('comparison · sft (capped, 6 tasks)');
    const table = text.split('bridge · rl (capped, 6 tasks)\n')[1]?.split('\n\n')[0]?.split('\n') ?? [];
    expect(table[0]?.trim().split(/\s+/)).toEqual(['k', 'T=0', 'T=2']);
    expect(table.slice(1).map((line) => line.trim().split(/\s+/)[0])).toEqual(['1', '2', '4', '8']);
    const pass = output.csvRows('passkt.csv').find((row) => row.policy === 'rl' && row.family === 'bridge' && row.budget === '2' && row.k === '4');
    expect(table[3]?.trim().split(/\s+/)[2]).toBe(Number(pass?.pass).toFixed(3));
    expect(text).toContain('Crossover');
    expect(text).toContain('npm run inspect -- boundary');
  });

  it('handles an empty input', async () => {
    const { output, result } = await runWithFakeContext(passktStage, { params: PARAMS, inputs: { ingest: { 'episodes.jsonl': '' } } });
    expect(output.csvRows('passkt.csv')).toEqual([]);
    expect(result.counts?.episodes).toBe(0);
    expect(await passktStage.inspect!(output.asInput('passkt'))).toMatch(/no PASS@\(k,T\) rows/);
  });
});
