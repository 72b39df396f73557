/**
 * Finds a known text in the concatenation of a server's token strings, byte for byte. Servers decode
 * every token on its own (vLLM's prompt log-probabilities, the completions `tokens` list), so a
 * character whose UTF-8 bytes are split over two tokens (a CJK character, an emoji, an accented letter
 * in some vocabularies) comes back as U+FFFD in each of them: one per maximal ill-formed subsequence, as
 * UTF-8 decoders replace them (a truncated sequence at a token's end is one U+FFFD, each stray
 * continuation byte another). The match assigns every byte of the text to the token character that
 * stands for it, trying the possible readings of each U+FFFD (a depth-first search; readings are few).
 */

const REPLACEMENT = 0xfffd;

/** The stream of token strings, flattened, with each UTF-16 position's token. */
export interface TokenStream {
  text: string;
  /** The token of each UTF-16 position of `text`. */
  tokenAt: Int32Array;
}

/** Flattens token strings into one stream. */
export function tokenStream(tokens: readonly string[]): TokenStream {
  const text = tokens.join('');
  const tokenAt = new Int32Array(text.length);
  let at = 0;
  tokens.forEach((token, index) => {
    tokenAt.fill(index, at, at + token.length);
    at += token.length;
  });
  return { text, tokenAt };
}

/** A match of a text in the stream: where it starts and ends, and the stream position holding each of its bytes. */
export interface LossyMatch {
  start: number;
  end: number;
  /** For byte i of the text (UTF-8), the UTF-16 position in the stream of the character that covers it. */
  byteAt: Int32Array;
}

const utf8 = new TextEncoder();

/** The number of bytes a UTF-8 sequence starting with this lead byte has (0: not a lead byte). */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const isContinuation = (byte: number | undefined) => byte !== undefined && byte >= 0x80 && byte <= 0xbf;

/** Tries to match `bytes` (a text's UTF-8) at stream position `start`; returns null when it does not match there. */
export function matchAt(stream: TokenStream, bytes: Uint8Array, start: number): LossyMatch | null {
  const { text, tokenAt } = stream;
  const byteAt = new Int32Array(bytes.length);
  // Choice points (a U+FFFD with several readings), for backtracking: where, and the readings left to try.
  const choices: { d: number; b: number; widths: number[] }[] = [];
  let d = start;
  let b = 0;
  for (;;) {
    // The end: unless the last character was split and the next U+FFFD of the same token is the rest of it
    // (a continuation byte cannot start the text that follows), then another reading of the split is right.
    const done = b === bytes.length;
    if (done && !splitContinues(d)) return { start, end: d, byteAt };
    const widths = !done && d < text.length ? readings(d, b) : [];
    if (widths.length > 1) choices.push({ d, b, widths: widths.slice(1) });
    let taken = widths[0];
    if (taken === undefined) {
      // Backtrack to the last choice point that has a reading left.
      let resumed = false;
      while (choices.length > 0) {
        const choice = choices[choices.length - 1]!;
        const next = choice.widths.shift();
        if (choice.widths.length === 0) choices.pop();
        if (next !== undefined) {
          d = choice.d;
          b = choice.b;
          taken = next;
          resumed = true;
          break;
        }
      }
      if (!resumed || taken === undefined) return null;
    }
    const cp = text.codePointAt(d)!;
    byteAt.fill(d, b, b + taken);
    b += taken;
    d += cp > 0xffff ? 2 : 1;
  }

  function splitContinues(at: number): boolean {
    return at > start && at < text.length && text.charCodeAt(at) === REPLACEMENT && text.charCodeAt(at - 1) === REPLACEMENT && tokenAt[at] === tokenAt[at - 1] && isContinuation(bytes[bytes.length - 1]);
  }

  // The byte counts the stream character at d may stand for at text byte b: its own bytes when they are the
  // text's next bytes (a real U+FFFD is EF BF BD), and for a U+FFFD the bytes of a split character. The text
  // is valid UTF-8, so its bytes were split only at token boundaries: a stray continuation byte is one
  // U+FFFD, and a truncated sequence (a lead byte and some of its continuation bytes) ends its token.
  function readings(at: number, from: number): number[] {
    const cp = text.codePointAt(at)!;
    const literal = utf8.encode(String.fromCodePoint(cp));
    const out = literal.every((byte, i) => bytes[from + i] === byte) ? [literal.length] : [];
    if (cp !== REPLACEMENT) return out;
    const lead = bytes[from]!;
    if (isContinuation(lead)) return [...out, 1];
    const length = sequenceLength(lead);
    if (length === 0) return [...out, 1];
    if (at + 1 < text.length && tokenAt[at + 1] === tokenAt[at]) return out;
    // Shortest first: at the end of the text, the U+FFFD that follow are then read as the rest of the character.
    for (let n = 1; n <= Math.min(length - 1, bytes.length - from); n++) out.push(n);
    return out;
  }
}

/** The first match of `text` at or after `from` (null when there is none). */
export function findLossy(stream: TokenStream, text: string, from: number): LossyMatch | null {
  const bytes = utf8.encode(text);
  if (bytes.length === 0) return null;
  const first = text.codePointAt(0)!;
  for (let d = from; d < stream.text.length; d++) {
    const cp = stream.text.charCodeAt(d);
    if (cp !== first && !(cp === REPLACEMENT && first > 0x7f) && !(first > 0xffff && cp === text.charCodeAt(0))) continue;
    const match = matchAt(stream, bytes, d);
    if (match) return match;
  }
  return null;
}

/** The UTF-8 bytes of a text. */
export function utf8Bytes(text: string): Uint8Array {
  return utf8.encode(text);
}
