/**
 * The swap's grid from its answers: a key enters when all four of its cells were answered (otherwise
 * both its episodes are left out, with the reason), each cell giving an outcome for the tables and a
 * row of `swap_episodes.csv`.
 */
import type { SwapOutcome } from '../../../analyses/experiments/swap-table';
import type { EpisodeAccount } from '../../runner/episode-account';
import type { SwapEpisodeRow } from '../../tables/swap';
import type { Reasoned } from './reason';
import { cellKey } from './run-swaps';
import type { SwapKey } from './select';

/** The outcomes and detail rows of the keys whose four cells were answered. */
export function swapGrid(
  keys: readonly SwapKey[],
  policies: readonly [string, string],
  results: ReadonlyMap<string, Reasoned>,
  failed: ReadonlyMap<string, string>,
  account: EpisodeAccount,
): { outcomes: SwapOutcome[]; detail: SwapEpisodeRow[] } {
  const outcomes: SwapOutcome[] = [];
  const detail: SwapEpisodeRow[] = [];
  for (const key of keys) {
    const cells = key.ids.flatMap((id, plan) => policies.map((reasoning) => ({ id, plan: policies[plan]!, reasoning, result: results.get(cellKey(id, reasoning)) })));
    if (cells.some((cell) => cell.result === undefined)) {
      const reason = cells.some((cell) => failed.has(cellKey(cell.id, cell.reasoning))) ? 'request_failed' : 'steps_not_found';
      for (const policy of policies) account.leaveOut(reason, policy);
      continue;
    }
    account.use(2);
    for (const { id, plan, reasoning, result } of cells) {
      outcomes.push({ task: key.task, family: key.family, budget: key.budget, key: key.key, plan, reasoning, correct: result!.correct });
      detail.push({ plan_episode: id, task: key.task, family: key.family, budget: key.budget, sample: key.sample, plan_policy: plan, reasoning_policy: reasoning, answer: result!.answer, correct: result!.correct, f1: result!.f1, requests: result!.requests });
    }
  }
  return { outcomes, detail };
}
