/** The experiment tables against brute force: groups, means, cell accuracies, attribution and their task-bootstrap intervals. */
import { describe, expect, it } from 'vitest';
import { cellGroups } from '../../../analyses/experiments/cells';
import { surprisalTables, type ScoredEpisode } from '../../../analyses/experiments/surprisal-table';
import { swapTables, type SwapOutcome } from '../../../analyses/experiments/swap-table';
import { createRng } from '../../../analyses/random/rng';
import { bruteInterval } from './bootstrap-check';

const rng = createRng(11);
const episodes: ScoredEpisode[] = [];
for (const policy of ['base', 'rl'])
  for (const family of ['bridge', 'comparison'])
    for (let task = 0; task < 7; task++)
      for (const budget of [1, 3])
        for (let sample = 0; sample < 3; sample++) {
          const seg = (scale: number) => {
            const tokens = rng.int(12);
            return { tokens, nats: tokens * scale * (0.5 + rng.next()) };
          };
          episodes.push({ id: `${policy}/${family}-${task}/${budget}/${sample}`, policy, task: `${family}-${task}`, family, budget, segments: { query: seg(2), reasoning: seg(3), answer: seg(4) } });
        }

describe('cellGroups', () => {
  it('reports every cell, each family over all its budgets, and everything together', () => {
    const groups = cellGroups(episodes.filter((e) => e.policy === 'rl'));
    expect(groups.map((g) => `${g.family}/${g.budget}/${g.items.length}`)).toEqual(['bridge/1/21', 'bridge/3/21', 'bridge/all/42', 'comparison/1/21', 'comparison/3/21', 'comparison/all/42', 'all/all/84']);
    expect(cellGroups([{ family: 'x', budget: null }]).map((g) => `${g.family}/${g.budget}`)).toEqual(['x/all']);
  });
});

describe('surprisalTables', () => {
  const { rows, diffs } = surprisalTables(episodes, { scorer: 's', resamples: 300, level: 0.95, seed: 5 });

  it('gives total nats over total tokens per segment, perplexity e^mean, and task-bootstrap intervals of the mean and of reasoning − query', () => {
    for (const group of [
      { policy: 'rl', family: 'bridge', budget: 3 as const },
      { policy: 'base', family: 'all', budget: 'all' as const },
    ]) {
      const items = episodes.filter((e) => e.policy === group.policy && (group.family === 'all' || e.family === group.family) && (group.budget === 'all' || e.budget === group.budget));
      const tasks = [...new Set(items.map((e) => e.task))].map((task) => items.filter((e) => e.task === task));
      const mean = (list: ScoredEpisode[], segment: 'query' | 'reasoning' | 'answer') => list.reduce((s, e) => s + e.segments[segment].nats, 0) / list.reduce((s, e) => s + e.segments[segment].tokens, 0);
      for (const segment of ['query', 'reasoning', 'answer'] as const) {
        const row = rows.find((r) => r.policy === group.policy && r.family === group.family && r.budget === group.budget && r.segment === segment)!;
        expect(row.mean_nats).toBeCloseTo(mean(items, segment), 12);
        expect(row.perplexity).toBeCloseTo(Math.exp(mean(items, segment)), 9);
        expect(row.tokens).toBe(items.reduce((s, e) => s + e.segments[segment].tokens, 0));
        expect(row.episodes).toBe(items.length);
      }
      // The same resamples for every statistic of a group: draw them once per statistic from the same stream.
      const fork = () => createRng(5).fork(`${group.policy}|${group.family}|${group.budget}`);
      for (const [s, segment] of (['query', 'reasoning', 'answer'] as const).entries()) {
        const brute = bruteInterval(tasks, 300, fork(), (drawn) => mean(drawn.flat(), segment));
        const row = rows.find((r) => r.policy === group.policy && r.family === group.family && r.budget === group.budget && r.segment === segment)!;
        expect([row.ci_low, row.ci_high], `${segment} ${s}`).toEqual([expect.closeTo(brute.lo, 10), expect.closeTo(brute.hi, 10)]);
      }
      const diff = diffs.find((d) => d.policy === group.policy && d.family === group.family && d.budget === group.budget)!;
      const brute = bruteInterval(tasks, 300, fork(), (drawn) => mean(drawn.flat(), 'reasoning') - mean(drawn.flat(), 'query'));
      expect(diff.difference).toBeCloseTo(mean(items, 'reasoning') - mean(items, 'query'), 12);
      expect(diff.perplexity_ratio).toBeCloseTo(Math.exp(diff.difference!), 9);
      expect([diff.ci_low, diff.ci_high]).toEqual([expect.closeTo(brute.lo, 10), expect.closeTo(brute.hi, 10)]);
    }
  });

  it('leaves a segment without tokens blank, and gives no interval without resamples', () => {
    const empty = episodes.slice(0, 2).map((e) => ({ ...e, segments: { ...e.segments, answer: { tokens: 0, nats: 0 } } }));
    const { rows: none } = surprisalTables(empty, { scorer: 's', resamples: 0, level: 0.95, seed: 1 });
    expect(none.find((r) => r.segment === 'answer')).toMatchObject({ tokens: 0, mean_nats: null, perplexity: null, ci_low: null });
    expect(none.find((r) => r.segment === 'query')!.ci_low).toBeNull();
  });
});

describe('swapTables', () => {
  const outcomes: SwapOutcome[] = [];
  const r2 = createRng(3);
  for (let task = 0; task < 9; task++)
    for (const budget of [1, 2])
      for (let sample = 0; sample < 4; sample++)
        for (const plan of ['rl', 'base'])
          for (const reasoning of ['rl', 'base']) {
            const p = (plan === 'rl' ? 0.7 : 0.4) * (reasoning === 'rl' ? 0.9 : 0.8);
            outcomes.push({ task: `t${task}`, family: 'bridge', budget, key: `t${task}/${budget}/${sample}`, plan, reasoning, correct: r2.next() < p });
          }
  const { cells, attribution } = swapTables(outcomes, { a: 'rl', b: 'base', resamples: 300, level: 0.95, seed: 8 });

  it('gives each cell’s accuracy and the attribution of the difference, with task-bootstrap intervals from the same resamples', () => {
    const items = outcomes;
    const tasks = [...new Set(items.map((o) => o.task))].map((task) => items.filter((o) => o.task === task));
    const acc = (list: SwapOutcome[], plan: string, reasoning: string) => {
      const cell = list.filter((o) => o.plan === plan && o.reasoning === reasoning);
      return cell.filter((o) => o.correct).length / cell.length;
    };
    const grid = (list: SwapOutcome[]) => ({ AA: acc(list, 'rl', 'rl'), AB: acc(list, 'rl', 'base'), BA: acc(list, 'base', 'rl'), BB: acc(list, 'base', 'base') });
    const fork = () => createRng(8).fork('bridge|all');
    for (const [plan, reasoning] of [['rl', 'rl'], ['rl', 'base'], ['base', 'rl'], ['base', 'base']] as const) {
      const row = cells.find((c) => c.budget === 'all' && c.plan_policy === plan && c.reasoning_policy === reasoning)!;
      expect(row.accuracy).toBeCloseTo(acc(items, plan, reasoning), 12);
      expect(row.episodes).toBe(72);
      const brute = bruteInterval(tasks, 300, fork(), (drawn) => acc(drawn.flat(), plan, reasoning));
      expect([row.ci_low, row.ci_high]).toEqual([expect.closeTo(brute.lo, 10), expect.closeTo(brute.hi, 10)]);
    }
    const shapleyPlan = (g: ReturnType<typeof grid>) => (g.AB - g.BB + (g.AA - g.BA)) / 2;
    const row = attribution.find((a) => a.budget === 'all' && a.component === 'plan' && a.order === 'shapley')!;
    const g = grid(items);
    expect(row.difference).toBeCloseTo(shapleyPlan(g), 12);
    expect(row.share).toBeCloseTo(shapleyPlan(g) / (g.AA - g.BB), 12);
    const brute = bruteInterval(tasks, 300, fork(), (drawn) => shapleyPlan(grid(drawn.flat())));
    expect([row.ci_low, row.ci_high]).toEqual([expect.closeTo(brute.lo, 10), expect.closeTo(brute.hi, 10)]);
    const share = bruteInterval(tasks, 300, fork(), (drawn) => {
      const d = grid(drawn.flat());
      return shapleyPlan(d) / (d.AA - d.BB);
    });
    expect([row.share_ci_low, row.share_ci_high]).toEqual([expect.closeTo(share.lo, 10), expect.closeTo(share.hi, 10)]);
  });

  it('names A the plan flag’s policy and B the reference in every attribution row', () => {
    expect(new Set(attribution.map((a) => `${a.policy_a}-${a.policy_b}`))).toEqual(new Set(['rl-base']));
    expect(attribution.filter((a) => a.budget === 1).map((a) => `${a.component}/${a.order}`)).toEqual(['total/none', 'plan/plan_first', 'reasoning/plan_first', 'plan/reasoning_first', 'reasoning/reasoning_first', 'plan/shapley', 'reasoning/shapley', 'interaction/none']);
  });
});
