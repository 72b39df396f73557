/**
 * Maps a server's prompt tokens back onto the texts of a conversation and gives every token a segment.
 * The pieces (message contents, queries, answers, and excluded texts) are found in order in the stream of
 * token strings, byte for byte (lossy-match.ts handles characters split over tokens). A token belongs to
 * the segment that holds most of its bytes; bytes between pieces (template markup the server added) and
 * excluded pieces count as excluded; a tie goes to the segment rather than to excluded, and between two
 * segments to the earlier one.
 *
 * Two modes: `contiguous` — the pieces are the whole prompt text in order (we rendered it ourselves:
 * only tokens before the first piece, e.g. a BOS token, and after the last, e.g. a generated token, are
 * outside), so every token's character span in the text is known exactly; `gaps` — the server rendered
 * the text with its own template, so unknown markup may lie between pieces, and pieces are compared
 * without their surrounding white space (templates may trim contents).
 */
import { SEGMENTS, type Segment } from '../chat-protocol/parts';
import { UserError } from '../errors';
import { findLossy, tokenStream, utf8Bytes, type LossyMatch } from './lossy-match';

/** A text to find, its segment (null: excluded), and other spellings it may have in the prompt (a JSON-escaped query). */
export interface AlignPiece {
  text: string;
  segment: Segment | null;
  alternatives?: readonly string[];
}

/** The tokens' segments, and in contiguous mode their character spans in the text. */
export interface Alignment {
  /** Per token: its segment, or null (excluded). */
  segments: (Segment | null)[];
  /** Contiguous mode: per token, its UTF-16 span [start, end) in the joined pieces (-1, -1 outside them). */
  spans?: { start: number; end: number }[];
}

/** The prompt tokens could not be mapped onto the conversation. */
export class AlignmentError extends UserError {
  override name = 'AlignmentError';
}

const KEYS = [null, ...SEGMENTS] as const;

function notFound(stream: string, cursor: number, what: string, contiguous: boolean): AlignmentError {
  return new AlignmentError(
    `the scorer's prompt tokens do not contain the conversation's ${what} (the tokens continue with ${JSON.stringify(stream.slice(cursor, cursor + 80))}).`,
    contiguous
      ? 'The server tokenized a different text than the one sent, or its token strings do not concatenate back to the text (some SentencePiece servers drop leading spaces): use a server whose tokens concatenate back (vLLM does).'
      : "The server's chat template changes message texts (or drops earlier reasoning): score through /v1/completions with --score-method completions and a --score-template that renders the conversation as your model saw it.",
  );
}

function describe(piece: AlignPiece): string {
  const text = piece.text.length > 60 ? `${piece.text.slice(0, 57)}…` : piece.text;
  return `${piece.segment ?? 'excluded'} text ${JSON.stringify(text)}`;
}

/** Aligns token strings with the conversation's pieces (in text order). */
export function alignTokens(tokens: readonly string[], pieces: readonly AlignPiece[], mode: 'contiguous' | 'gaps'): Alignment {
  const stream = tokenStream(tokens);
  const weights = tokens.map(() => new Float64Array(KEYS.length));
  const covered = new Uint8Array(stream.text.length);
  const contiguous = mode === 'contiguous';
  const textStart: number[] = [];
  const textEnd: number[] = [];
  // The segments each token touches, in text order (a tie between two segments goes to the earlier one).
  const seen = tokens.map((): number[] => []);
  const count = (token: number, key: number) => {
    const w = weights[token]!;
    if (w[key] === 0 && key !== 0) seen[token]!.push(key);
    w[key] = w[key]! + 1;
  };
  if (contiguous) {
    // One text, matched at once: a character split over tokens at a piece boundary is read consistently.
    const kept = pieces.filter((piece) => piece.text !== '');
    const text = kept.map((piece) => piece.text).join('');
    const match = findLossy(stream, text, 0);
    if (!match) throw notFound(stream.text, 0, `text ${JSON.stringify(text.slice(0, 60))}`, true);
    const keyOfByte = new Uint8Array(match.byteAt.length);
    let at = 0;
    for (const piece of kept) {
      const n = utf8Bytes(piece.text).length;
      keyOfByte.fill(KEYS.indexOf(piece.segment), at, at + n);
      at += n;
    }
    const chars = charOfBytes(text);
    match.byteAt.forEach((position, byte) => {
      const token = stream.tokenAt[position]!;
      count(token, keyOfByte[byte]!);
      const char = chars[byte]!;
      textStart[token] = Math.min(textStart[token] ?? Infinity, char);
      textEnd[token] = Math.max(textEnd[token] ?? -Infinity, char + charWidth(text, char));
    });
    covered.fill(1, match.start, match.end);
  } else {
    let cursor = 0;
    for (const piece of pieces) {
      const spellings = [piece.text, ...(piece.alternatives ?? [])].map((text) => text.trim()).filter((text) => text !== '');
      if (spellings.length === 0) continue;
      let match: LossyMatch | null = null;
      for (const candidate of spellings) if ((match = findLossy(stream, candidate, cursor))) break;
      if (!match) throw notFound(stream.text, cursor, describe(piece), false);
      const key = KEYS.indexOf(piece.segment);
      match.byteAt.forEach((position) => count(stream.tokenAt[position]!, key));
      covered.fill(1, match.start, match.end);
      cursor = match.end;
    }
  }
  // Characters outside every piece: markup the server's template added, special tokens, generated tokens.
  for (let position = 0; position < stream.text.length; ) {
    const cp = stream.text.codePointAt(position)!;
    if (!covered[position]) {
      const w = weights[stream.tokenAt[position]!]!;
      w[0] = w[0]! + utf8Bytes(String.fromCodePoint(cp)).length;
    }
    position += cp > 0xffff ? 2 : 1;
  }
  const segments = weights.map((w, token) => {
    let best = 0;
    for (const k of seen[token]!) if (best === 0 ? w[k]! >= w[0]! : w[k]! > w[best]!) best = k;
    return KEYS[best]!;
  });
  if (!contiguous) return { segments };
  return { segments, spans: tokens.map((_, t) => (textStart[t] === undefined ? { start: -1, end: -1 } : { start: textStart[t]!, end: textEnd[t]! })) };
}

// For each UTF-8 byte of a text, the UTF-16 index of its character.
function charOfBytes(text: string): Int32Array {
  const out = new Int32Array(utf8Bytes(text).length);
  let byte = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    out.fill(i, byte, byte + n);
    byte += n;
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

function charWidth(text: string, at: number): number {
  return text.codePointAt(at)! > 0xffff ? 2 : 1;
}
