import { describe, expect, it } from 'vitest';
import { createRng } from '../../../analyses/random/rng';
import { SearchTool } from '../../../pipeline/environment/search/search-tool';
import { compilePolicy } from '../../../pipeline/simulate/compiled-policy';
import { EpisodeRecorder } from '../../../pipeline/simulate/episode-recorder';
import { playEpisode } from '../../../pipeline/simulate/plans/play';
import { readerFor } from '../../../pipeline/simulate/simulate-episodes';
import type { PastCall } from '../../../pipeline/serve/conversation';
import { nextAction } from '../../../pipeline/serve/replay';
import { config, smallSetup } from '../simulate/small-setup';

const setup = smallSetup(8);

// Plays an episode turn by turn as the server does: each turn replays from the start with a fresh copy
// of the same stream and the searches made so far; `perTurn` limits the searches one turn may issue.
function played(taskIndex: number, policyName: string, budget: number, seed: number, perTurn = Infinity) {
  const task = setup.tasks[taskIndex]!;
  const tool = new SearchTool(task.row.docs, 3, config.bm25);
  const reader = readerFor(task, setup.world);
  const policy = compilePolicy(policyName, config.policies[policyName]!);
  const past: PastCall[] = [];
  const rounds: string[][] = [];
  for (let turn = 0; turn < 20; turn++) {
    const rng = createRng(seed).fork(`${policyName}|${task.row.task}`);
    const action = nextAction({ task, tool, reader, policy, rng }, past, rounds.length < budget);
    if (action.kind === 'answer') return { rounds, answer: action.answer };
    const issued = action.queries.slice(0, perTurn);
    rounds.push(issued);
    for (const query of issued) past.push({ query, docs: [...tool.search(query).indices] });
  }
  throw new Error('no answer after 20 turns');
}

function direct(taskIndex: number, policyName: string, budget: number, seed: number) {
  const task = setup.tasks[taskIndex]!;
  const rec = new EpisodeRecorder(budget, new SearchTool(task.row.docs, 3, config.bm25));
  const rng = createRng(seed).fork(`${policyName}|${task.row.task}`);
  const policy = compilePolicy(policyName, config.policies[policyName]!);
  const planned = policy.mixture[task.plans].draw(rng)!;
  const answer = rec.answer(playEpisode({ task, policy, rec, reader: readerFor(task, setup.world), rng }, planned));
  const rounds: string[][] = [];
  for (const query of rec.queries) (rounds[query.round - 1] ??= []).push(query.query);
  return { rounds, answer };
}

describe('replaying a plan against its conversation', () => {
  it('gives, turn by turn, exactly the episode the simulate stage plays with the same stream', () => {
    let compared = 0;
    let searched = 0;
    for (const [t] of setup.tasks.entries()) {
      for (const policy of ['base', 'rl', 'sft']) {
        for (const budget of [0, 1, 2, 5]) {
          for (let seed = 0; seed < 3; seed++) {
            const viaTurns = played(t, policy, budget, seed * 7919 + t);
            expect(viaTurns).toEqual(direct(t, policy, budget, seed * 7919 + t));
            compared += 1;
            if (viaTurns.rounds.length > 0) searched += 1;
          }
        }
      }
    }
    expect(compared).toBe(setup.tasks.length * 3 * 4 * 3);
    expect(searched).toBeGreaterThan(compared / 3);
  });

  it('splits a parallel round over two turns when one search per message is allowed (tags), using one round per search', () => {
    const comparison = setup.tasks.findIndex((task) => task.plans === 'comparison');
    let parallel = 0;
    for (let seed = 0; seed < 40; seed++) {
      const whole = played(comparison, 'sft', 5, seed);
      const split = played(comparison, 'sft', 5, seed, 1);
      expect(split.rounds.flat()).toEqual(whole.rounds.flat());
      expect(split.answer).toBe(whole.answer);
      if (whole.rounds.some((round) => round.length === 2)) parallel += 1;
    }
    expect(parallel).toBeGreaterThan(10);
  });
});
