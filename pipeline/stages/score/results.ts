/**
 * The score stage's results in episode order: every picked episode scored (its segment sums and its
 * `surprisal_episodes.csv` row) or left out with the reason it failed, counted in the account.
 */
import type { EpisodeRow } from '../../../analyses/episode';
import type { ScoredEpisode } from '../../../analyses/experiments/surprisal-table';
import type { ScoredSegments } from '../../llm/prompt-logprobs';
import type { EpisodeAccount } from '../../runner/episode-account';
import type { SurprisalEpisodeRow } from '../../tables/surprisal';

/** Scored episodes and their detail rows. */
export function scoredResults(
  picked: ReadonlyMap<string, EpisodeRow>,
  scores: ReadonlyMap<string, ScoredSegments>,
  failed: ReadonlyMap<string, { ids: string[] }>,
  scorer: string,
  account: EpisodeAccount,
): { scored: ScoredEpisode[]; detail: SurprisalEpisodeRow[] } {
  const reasonOf = new Map<string, string>();
  for (const [reason, entry] of failed) for (const id of entry.ids) reasonOf.set(id, reason);
  const scored: ScoredEpisode[] = [];
  const detail: SurprisalEpisodeRow[] = [];
  for (const [id, row] of picked) {
    const sums = scores.get(id);
    if (!sums) {
      account.leaveOut(reasonOf.get(id) ?? 'steps_not_found', row.policy);
      continue;
    }
    account.use();
    const s = sums.segments;
    scored.push({ id, policy: row.policy, task: row.task, family: row.family, budget: row.budget, segments: s });
    detail.push({
      id,
      scorer,
      policy: row.policy,
      task: row.task,
      family: row.family,
      budget: row.budget,
      correct: row.correct,
      query_tokens: s.query.tokens,
      query_nats: s.query.nats,
      reasoning_tokens: s.reasoning.tokens,
      reasoning_nats: s.reasoning.nats,
      answer_tokens: s.answer.tokens,
      answer_nats: s.answer.nats,
      excluded_tokens: sums.excluded,
      unscored_tokens: sums.unscored,
    });
  }
  return { scored, detail };
}
