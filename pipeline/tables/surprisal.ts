/**
 * The score stage's tables: `surprisal.csv` (per scored policy, group and segment: tokens, mean surprisal
 * in nats per token, perplexity, and the task-bootstrap interval of the mean, in nats), `surprisal_diff.csv`
 * (the paired difference reasoning − query per group) and `surprisal_episodes.csv` (per scored episode).
 */
import type { SurprisalDiffRow, SurprisalRow } from '../../analyses/experiments/surprisal-table';
import { SURPRISAL_SEGMENTS } from '../../analyses/experiments/segments';
import { defineCsvTable } from './csv-table';
import { bool, budget, episodeBudget, int, num, oneOf, optionalNum, text } from './cells';
import type { RowOf } from './row-of';

/** `surprisal.csv` (docs/experiments.md): mean_nats, perplexity and the interval are blank for a segment without tokens. */
export const surprisalTable = defineCsvTable<SurprisalRow>('surprisal.csv', {
  scorer: text,
  policy: text,
  family: text,
  budget,
  segment: oneOf(SURPRISAL_SEGMENTS),
  tokens: int,
  episodes: int,
  mean_nats: optionalNum,
  perplexity: optionalNum,
  ci_low: optionalNum,
  ci_high: optionalNum,
});

/** `surprisal_diff.csv`: reasoning − query in nats per token, its interval, and the perplexity ratio exp(difference). */
export const surprisalDiffTable = defineCsvTable<SurprisalDiffRow>('surprisal_diff.csv', {
  scorer: text,
  policy: text,
  family: text,
  budget,
  segment_a: oneOf(SURPRISAL_SEGMENTS),
  segment_b: oneOf(SURPRISAL_SEGMENTS),
  episodes: int,
  tasks: int,
  difference: optionalNum,
  ci_low: optionalNum,
  ci_high: optionalNum,
  perplexity_ratio: optionalNum,
});

/** `surprisal_episodes.csv`: one row per scored episode — tokens and summed nats per segment, tokens excluded. */
export const surprisalEpisodesTable = defineCsvTable('surprisal_episodes.csv', {
  id: text,
  scorer: text,
  policy: text,
  task: text,
  family: text,
  budget: episodeBudget,
  correct: bool,
  query_tokens: int,
  query_nats: num,
  reasoning_tokens: int,
  reasoning_nats: num,
  answer_tokens: int,
  answer_nats: num,
  excluded_tokens: int,
  unscored_tokens: int,
});

/** A row of `surprisal_episodes.csv`. */
export type SurprisalEpisodeRow = RowOf<typeof surprisalEpisodesTable>;
