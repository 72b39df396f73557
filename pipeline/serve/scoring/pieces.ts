/**
 * The simulator's tokenizer: a text is cut into runs of white space, runs of letters/digits/marks
 * (a word or number), and single other characters (punctuation, symbols, each emoji code point).
 * The pieces concatenate back to the text exactly, so log-probabilities can be mapped to character
 * spans without a vocabulary.
 */

// A lone surrogate half is matched as one piece by the last branch (the `u` flag treats it as a code point).
const PIECE = /\s+|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

/** The pieces of a text, in order. */
export function pieces(text: string): string[] {
  return text.match(PIECE) ?? [];
}

/** Which class a piece belongs to: what the background model scores it by. */
export type PieceClass = 'space' | 'word' | 'symbol';

/** The class of one piece. */
export function pieceClass(piece: string): PieceClass {
  if (/^\s/u.test(piece)) return 'space';
  if (/^[\p{L}\p{N}\p{M}]/u.test(piece)) return 'word';
  return 'symbol';
}
