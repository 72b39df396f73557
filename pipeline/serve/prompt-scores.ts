/**
 * Prompt log-probabilities from the simulator's scoring model, in the two shapes servers return them:
 * vLLM's `prompt_logprobs` on chat completions (one entry per prompt token: `null` for the first, then
 * `{ "<token id>": {logprob, rank, decoded_token}, … }`: the prompt token and the `k` most likely
 * alternatives, ranked 1..k — the prompt token's rank is null when it is not among them; JSON objects
 * keyed by numeric ids do not keep an order, so ask for `prompt_logprobs: 0` to get the prompt token alone), and the `logprobs` of `/v1/completions` with `echo` (`tokens`, `token_logprobs`,
 * `top_logprobs`, `text_offset`). Tokens are the scoring model's pieces, so they concatenate back to the
 * text exactly; the first token has no log-probability (nothing precedes it), as on real servers.
 */
import { hashString } from '../../analyses/random/rng';
import type { Lexicon } from './scoring/lexicon';
import { PieceScorer } from './scoring/scorer';

/** Every piece of a prompt with its log-probability (null for the first) and the `top` most likely alternatives. */
export interface PromptScore {
  token: string;
  logprob: number | null;
  top: { token: string; logprob: number }[];
}

/** Scores a prompt text piece by piece. */
export function scorePrompt(text: string, lexicon: Lexicon, top: number): PromptScore[] {
  return new PieceScorer(lexicon).score(text, top).map((score, i) => ({ token: score.token, logprob: i === 0 ? null : score.logprob, top: i === 0 ? [] : score.top }));
}

/** The simulator's id of a piece (it has no vocabulary: a stable hash stands in for a token id). */
export function pieceId(piece: string): string {
  return String(hashString(piece) & 0x7fffffff);
}

/** vLLM's `prompt_logprobs` of a chat completion. */
export function vllmPromptLogprobs(scores: readonly PromptScore[]): (Record<string, { logprob: number; rank: number | null; decoded_token: string }> | null)[] {
  return scores.map((score) => {
    if (score.logprob === null) return null;
    const entries: [string, { logprob: number; rank: number | null; decoded_token: string }][] = [];
    const rank = score.top.findIndex((alt) => alt.token === score.token);
    entries.push([pieceId(score.token), { logprob: score.logprob, rank: rank === -1 ? null : rank + 1, decoded_token: score.token }]);
    score.top.forEach((alt, i) => {
      if (alt.token !== score.token) entries.push([pieceId(alt.token), { logprob: alt.logprob, rank: i + 1, decoded_token: alt.token }]);
    });
    return Object.fromEntries(entries);
  });
}

/** The legacy `logprobs` object of `/v1/completions` (offsets count code points, as Python servers count characters). */
export function completionLogprobs(scores: readonly PromptScore[]): { tokens: string[]; token_logprobs: (number | null)[]; top_logprobs: (Record<string, number> | null)[]; text_offset: number[] } {
  let offset = 0;
  const text_offset = scores.map((score) => {
    const at = offset;
    offset += [...score.token].length;
    return at;
  });
  return {
    tokens: scores.map((score) => score.token),
    token_logprobs: scores.map((score) => score.logprob),
    top_logprobs: scores.map((score) => (score.logprob === null ? null : Object.fromEntries(score.top.map((alt) => [alt.token, alt.logprob])))),
    text_offset,
  };
}
