/**
 * The simulator's scoring model: a deterministic log-probability for every piece of a text given
 * what came before it (docs/serve.md, "log-probabilities"). It is a mixture of three parts:
 *
 *   p(piece | context) = 0.45 · copy + 0.35 · lexicon + 0.20 · background
 *
 * - copy: the share of the context's pieces equal to it (case-folded): names and words already in the
 *   question, the results or the model's own earlier text are predictable;
 * - lexicon: the policy's own word preferences (lexicon.ts);
 * - background: a fixed floor by class (a space 0.6, a newline 0.2, other white space 0.01, a symbol
 *   1/128, a word 1/50,000), so a word seen nowhere costs about 12 nats.
 *
 * Before any context the copy part is empty and the other two are renormalised. Scoring a prompt and a
 * completion is one pass over their pieces, so the same numbers serve generated-token logprobs and
 * prompt logprobs alike.
 */
import type { Lexicon } from './lexicon';
import { pieceClass, pieces } from './pieces';

/** The mixture weights (they sum to 1). */
export const SCORING_WEIGHTS = { copy: 0.45, lexicon: 0.35, background: 0.2 } as const;

const WORD_FLOOR = 1 / 50_000;
const SYMBOL_FLOOR = 1 / 128;

/** One scored piece, with the most likely alternatives at its position when asked for. */
export interface PieceScore {
  token: string;
  logprob: number;
  top: { token: string; logprob: number }[];
}

/** The background probability of a piece. */
export function backgroundProbability(piece: string): number {
  switch (pieceClass(piece)) {
    case 'space':
      return piece === ' ' ? 0.6 : piece === '\n' ? 0.2 : 0.01;
    case 'symbol':
      return SYMBOL_FLOOR;
    case 'word':
      return WORD_FLOOR;
  }
}

/** Scores pieces left to right; every scored or observed piece becomes context for the next. */
export class PieceScorer {
  private readonly counts = new Map<string, { count: number; shown: string }>();
  private total = 0;

  constructor(private readonly lexicon: Lexicon) {}

  /** Adds text to the context without scoring it (a prompt whose scores are not wanted). */
  observe(text: string): void {
    for (const piece of pieces(text)) this.add(piece);
  }

  /** Scores every piece of `text` in turn; `top` alternatives per position (0 for none). */
  score(text: string, top = 0): PieceScore[] {
    return pieces(text).map((piece) => {
      const scored: PieceScore = { token: piece, logprob: Math.log(this.probability(piece)), top: top > 0 ? this.alternatives(top) : [] };
      this.add(piece);
      return scored;
    });
  }

  /** The probability of a piece at the current position. */
  probability(piece: string): number {
    const key = piece.toLowerCase();
    const lexicon = this.lexicon.get(key) ?? 0;
    const background = backgroundProbability(piece);
    if (this.total === 0) {
      return (SCORING_WEIGHTS.lexicon * lexicon + SCORING_WEIGHTS.background * background) / (SCORING_WEIGHTS.lexicon + SCORING_WEIGHTS.background);
    }
    const copy = (this.counts.get(key)?.count ?? 0) / this.total;
    return SCORING_WEIGHTS.copy * copy + SCORING_WEIGHTS.lexicon * lexicon + SCORING_WEIGHTS.background * background;
  }

  // The most probable pieces among those the model can name: the context's, the lexicon's, space and newline.
  private alternatives(n: number): { token: string; logprob: number }[] {
    const shown = new Map<string, string>([
      [' ', ' '],
      ['\n', '\n'],
    ]);
    for (const key of this.lexicon.keys()) shown.set(key, key);
    for (const [key, entry] of this.counts) shown.set(key, entry.shown);
    return [...shown.values()]
      .map((token) => ({ token, logprob: Math.log(this.probability(token)) }))
      .sort((a, b) => b.logprob - a.logprob || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0))
      .slice(0, n);
  }

  private add(piece: string): void {
    const key = piece.toLowerCase();
    const entry = this.counts.get(key);
    if (entry) entry.count += 1;
    else this.counts.set(key, { count: 1, shown: piece });
    this.total += 1;
  }
}
