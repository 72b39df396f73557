import { describe, expect, it } from 'vitest';
import type { EpisodeRow } from '../../../../analyses/episode';
import { UserError } from '../../../../pipeline/errors';
import { boundaryStage } from '../../../../pipeline/stages/boundary/stage';
import { passktStage } from '../../../../pipeline/stages/passkt/stage';
import { cappedEpisodes, episodeRow } from '../../../analyses/passkt/episode-fixtures';
import { runWithFakeContext } from '../../../helpers/fake-context';

/**
 * Planted pictures at T = 3 with n = 8 episodes per task:
 * - bridge: rl solves 12 tasks base never solves, base none that rl misses → expansion (p = 2/4096);
 * - comparison: the same 20 tasks solved by both, rl correct 6/8 vs base 2/8 → efficiency only;
 * - control: identical policies → no difference.
 */
function plantedEpisodes(): EpisodeRow[] {
  const rows: EpisodeRow[] = [];
  const add = (policy: string, task: string, family: string, correct: number) => {
    for (let s = 0; s < 8; s++) rows.push(episodeRow(policy, task, family, 3, s, 2, s < correct));
  };
  for (let t = 0; t < 20; t++) {
    add('base', `b${t}`, 'bridge', t < 8 ? 3 : 0);
    add('rl', `b${t}`, 'bridge', t < 8 ? 3 : t < 20 ? 1 : 0);
    add('base', `c${t}`, 'comparison', 2);
    add('rl', `c${t}`, 'comparison', 6);
    add('base', `x${t}`, 'control', t % 4);
    add('rl', `x${t}`, 'control', t % 4);
  }
  return rows;
}

async function passktThenBoundary(rows: EpisodeRow[], params: Record<string, unknown> = {}) {
  const passkt = await runWithFakeContext(passktStage, { params: { resamples: 100 }, inputs: { ingest: { 'episodes.jsonl': rows } } });
  return runWithFakeContext(boundaryStage, { params: { resamples: 300, ...params }, seed: 9, inputs: { passkt: passkt.output.fileTexts() } });
}

describe('boundary stage (fake context)', () => {
  it('writes boundary.csv exactly as FORMAT.md says, with the task ids of every set', async () => {
    const { output, record } = await passktThenBoundary(plantedEpisodes());
    expect(record.inputsRead).toEqual(['passkt']);
    expect(output.names()).toEqual(['boundary.csv', 'boundary_tasks.json', 'power.csv', 'verdict.csv']);
    expect(output.csvColumns('boundary.csv')).toEqual(['family', 'budget', 'policy_a', 'policy_b', 'k', 'only_a', 'only_b', 'both', 'neither', 'p_value', 'p_holm', 'q_bh']);
    const bridge = output.csvRows('boundary.csv').find((row) => row.family === 'bridge');
    // three boundary tests (bridge 12:0, comparison and control 0:0, p = 1): Holm 3 · p, BH 3 · p / 1
    expect(bridge).toEqual({ family: 'bridge', budget: '3', policy_a: 'rl', policy_b: 'base', k: '8', only_a: '12', only_b: '0', both: '8', neither: '0', p_value: String(2 / 4096), p_holm: String(3 * (2 / 4096)), q_bh: String(3 * (2 / 4096)) });
    const tasks = output.jsonData<{ family: string; only_a: string[]; only_b: string[]; both: string[]; excluded: string[] }[]>('boundary_tasks.json');
    const entry = tasks.find((item) => item.family === 'bridge');
    expect(entry?.only_a).toEqual(['b10', 'b11', 'b12', 'b13', 'b14', 'b15', 'b16', 'b17', 'b18', 'b19', 'b8', 'b9']);
    expect(entry?.only_b).toEqual([]);
    expect(entry?.excluded).toEqual([]);
  });

  it('gives the planted verdict per family, in data and in words', async () => {
    const { output, result } = await passktThenBoundary(plantedEpisodes());
    const verdicts = output.csvRows('verdict.csv');
    const verdictOf = (family: string) => verdicts.find((row) => row.family === family && row.budget === '3')?.verdict;
    expect(verdictOf('bridge')).toBe('expansion');
    expect(verdictOf('comparison')).toBe('efficiency only');
    expect(verdictOf('control')).toBe('no difference');
    const comparison = verdicts.find((row) => row.family === 'comparison');
    expect(Number(comparison?.shared_pass1_diff)).toBeCloseTo(0.5, 12);
    expect(comparison?.shared_tasks).toBe('20');
    const sentences = result.summary?.filter((line) => line.includes(' vs ')) ?? [];
    expect(sentences).toHaveLength(3);
    expect(sentences[0]).toContain('bridge, T=3: rl vs base — expansion: rl solves 12 tasks base never does and base 0 that rl never does at k=8 (exact McNemar p=4.9e-4, Holm-adjusted 0.001)');
  });

  it('adds boundary rows at the extra k asked for', async () => {
    const { output } = await passktThenBoundary(plantedEpisodes(), { boundaryK: [1, 2, 64] });
    const ks = output.csvRows('boundary.csv').filter((row) => row.family === 'comparison').map((row) => row.k);
    // k = 64 exceeds n = 8 and is skipped
    expect(ks).toEqual(['8', '1', '2']);
    const k1 = output.csvRows('boundary.csv').find((row) => row.family === 'comparison' && row.k === '1');
    // pass@1 >= 1/2: rl (6/8) yes, base (2/8) no
    expect(k1).toMatchObject({ only_a: '20', only_b: '0', both: '0' });
  });

  it('compares every policy with the --base policy', async () => {
    const { rows } = cappedEpisodes();
    const { output } = await passktThenBoundary(rows, { base: 'sft' });
    const pairs = new Set(output.csvRows('boundary.csv').map((row) => `${row.policy_a}-${row.policy_b}`));
    expect(pairs).toEqual(new Set(['base-sft', 'rl-sft', 'base-rl']));
    expect(boundaryStage.cli?.map((flag) => flag.flags)).toEqual(['--base <policy>', '--resamples <n>', '--boundary-k <ks>']);
    expect(boundaryStage.cli?.[2]?.parse?.('1, 8,')).toEqual([1, 8]);
  });

  it('inspect prints the boundary table, the verdicts and the tasks gained and lost', async () => {
    const { output, result } = await passktThenBoundary(plantedEpisodes());
    const text = await boundaryStage.inspect!(output.asInput('boundary', { details: result.details ?? {} }));
    expect(text).toMatch(/family\s+T\s+a\s+b\s+k\s+only_a\s+only_b\s+both\s+neither\s+p/);
    expect(text).toMatch(/bridge\s+3\s+rl\s+base\s+8\s+12\s+0\s+8\s+0\s+4\.9e-4/);
    expect(text).toContain('comparison, T=3: rl vs base — efficiency only');
    expect(text).toContain('bridge T=3, rl vs base: only rl: b10, b11, b12, b13, b14, b15, b16, b17, … (12 in all)');
    expect(text).toContain('bridge T=3, rl vs base: only base: (none)');
    expect(text).toMatch(/p_holm, q_bh: Holm and Benjamini–Hochberg over all 3 boundary tests of the run/);
    expect(text).toMatch(/verdicts at alpha=0\.05 per family of claims: the boundary claim on p_holm of boundary\.csv, the reliability claim on Holm over the 3 shared-task sign-flip tests/);
  });

  it('the power view says what the run can detect and what the observed difference needs', async () => {
    const { output } = await passktThenBoundary(plantedEpisodes());
    const rows = output.csvRows('power.csv');
    expect(rows.map((row) => row.family)).toEqual(['bridge', 'comparison', 'control']);
    // 3 boundary tests: alpha / 3
    expect(Number(rows[0]?.alpha_adjusted)).toBeCloseTo(0.05 / 3, 15);
    expect(rows[0]).toMatchObject({ observed_diff: '12', tasks: '20', n: '8', tests: '3' });
    // 12 : 0 of 20 tasks is detected by 20 tasks: the run has enough
    expect(Number(rows[0]?.tasks_needed)).toBeLessThanOrEqual(20);
    expect(rows[1]).toMatchObject({ observed_diff: '0', tasks_needed: '' });
    const text = await boundaryStage.views!.power!.inspect(output.asInput('boundary'));
    expect(text).toMatch(/bridge T=3: rl vs base \(20 tasks, n=8\): smallest boundary difference \(only_a − only_b\) detected with 80% power: a gain of \+[\d.]+ tasks, no loss is detectable/);
    expect(text).toContain('observed +12 would need about');
    expect(text).toContain('comparison T=3: rl vs base (20 tasks, n=8)');
    expect(text).toContain('Method: ');
  });

  it('keeps tasks with uneven episode counts in the k = n boundary and says so', async () => {
    // 10 tasks with 64 episodes (rl solves 5 that base never does) and one with 65 under both policies
    const rows: EpisodeRow[] = [];
    const add = (policy: string, task: string, n: number, correct: number) => {
      for (let s = 0; s < n; s++) rows.push(episodeRow(policy, task, 'bridge', 3, s, 1, s < correct));
    };
    for (let t = 0; t < 10; t++) {
      add('rl', `t${t}`, 64, t < 5 ? 2 : 0);
      add('base', `t${t}`, 64, 0);
    }
    add('rl', 't10', 65, 0);
    add('base', 't10', 65, 0);
    const { output, result } = await passktThenBoundary(rows);
    expect(output.csvRows('boundary.csv')).toEqual([{ family: 'bridge', budget: '3', policy_a: 'rl', policy_b: 'base', k: '64', only_a: '5', only_b: '0', both: '0', neither: '6', p_value: String(2 / 32), p_holm: String(2 / 32), q_bh: String(2 / 32) }]);
    const [entry] = output.jsonData<{ k: number; n_max: number; excluded: string[] }[]>('boundary_tasks.json');
    expect(entry).toMatchObject({ k: 64, n_max: 65, excluded: [] });
    expect(result.counts).toMatchObject({ excluded_at_n: 0, uneven_n_rows: 1 });
    expect(result.summary).toContain('boundary: 1 k = n rows have uneven episode counts across tasks: each task is judged at its own n (solved = some episode correct); k reports the smallest n, n_max in boundary_tasks.json the largest');
    expect(output.csvRows('verdict.csv')[0]).toMatchObject({ k: '64', only_a: '5', only_b: '0', verdict: 'no difference' });
  });

  it('refuses a corrupt outcomes file with the line', async () => {
    const run = runWithFakeContext(boundaryStage, { params: {}, inputs: { passkt: { 'outcomes.jsonl': [{ policy: 'a', task: 't', family: 'f', budget: 1, mode: 'capped', n: 2, c: 3 }] } } });
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(/outcomes\.jsonl line 1/);
  });
});
