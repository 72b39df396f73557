import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../analyses/random/rng';
import type { Segment } from '../../../pipeline/chat-protocol/parts';
import { alignTokens, AlignmentError, type AlignPiece } from '../../../pipeline/llm/align-tokens';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** A byte-level tokenizer: cuts the text's UTF-8 bytes at random places and decodes each token on its own, as servers do. */
function byteTokens(text: string, rng: Rng, maxBytes = 4): { tokens: string[]; bounds: [number, number][] } {
  const bytes = encoder.encode(text);
  const tokens: string[] = [];
  const bounds: [number, number][] = [];
  for (let at = 0; at < bytes.length; ) {
    const n = 1 + rng.int(maxBytes);
    const end = Math.min(bytes.length, at + n);
    tokens.push(decoder.decode(bytes.subarray(at, end)));
    bounds.push([at, end]);
    at = end;
  }
  return { tokens, bounds };
}

/** The UTF-16 span of the characters a byte range [start, end) touches. */
function charSpan(text: string, start: number, end: number): { start: number; end: number } {
  let byte = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const n = encoder.encode(String.fromCodePoint(cp)).length;
    if (byte + n > start && byte < end) {
      if (first === -1) first = i;
      last = i + width;
    }
    byte += n;
    i += width;
  }
  return { start: first, end: last };
}

/**
 * Counts the ways (up to 2) to cut `bytes` into consecutive ranges that decode one by one to `tokens`: the
 * brute-force truth of whether token strings determine their byte spans.
 */
function tokenizations(bytes: Uint8Array, tokens: readonly string[]): { count: number } {
  const memo = new Map<string, number>();
  const ways = (t: number, at: number): number => {
    if (t === tokens.length) return at === bytes.length ? 1 : 0;
    const key = `${t}:${at}`;
    if (memo.has(key)) return memo.get(key)!;
    let count = 0;
    for (let end = at + 1; end <= Math.min(bytes.length, at + 4 * tokens[t]!.length) && count < 2; end++) {
      if (decoder.decode(bytes.subarray(at, end)) === tokens[t]) count += ways(t + 1, end);
    }
    memo.set(key, Math.min(count, 2));
    return Math.min(count, 2);
  };
  return { count: ways(0, 0) };
}

// GPT-4 / Qwen2 pre-tokenization: a letter run takes at most one non-letter character before it; BPE never merges across pre-tokens.
const PRE_TOKENS = /[^\r\n\p{L}\p{N}]?[\p{L}\p{M}]+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+/gu;

/** Byte-level BPE-like tokens: each pre-token's bytes cut at random places (merges stop anywhere, also inside a character). */
function bpeLikeTokens(text: string, rng: Rng): { tokens: string[]; bounds: [number, number][] } {
  const bytes = encoder.encode(text);
  const tokens: string[] = [];
  const bounds: [number, number][] = [];
  let at = 0;
  for (const pre of text.match(PRE_TOKENS) ?? []) {
    const end = at + encoder.encode(pre).length;
    while (at < end) {
      const next = Math.min(end, at + 1 + rng.int(5));
      tokens.push(decoder.decode(bytes.subarray(at, next)));
      bounds.push([at, next]);
      at = next;
    }
  }
  expect(at).toBe(bytes.length);
  return { tokens, bounds };
}

/** The segment holding most bytes of [start, end), a tie going to the segment. */
function majority(owner: readonly (Segment | null)[], start: number, end: number): Segment | null {
  const counts = new Map<Segment | null, number>();
  for (let b = start; b < end; b++) counts.set(owner[b]!, (counts.get(owner[b]!) ?? 0) + 1);
  let best: Segment | null = null;
  for (const [segment, n] of counts) if (segment !== null && n >= (counts.get(best) ?? 0) && (best === null || n > counts.get(best)!)) best = segment;
  return best;
}

const MIXED = [
  { text: 'Question: Who directed 東京物語 (Tōkyō Monogatari)?', segment: null },
  { text: 'Zoë Saldaña and Ñoño met in Åre; ', segment: 'reasoning' },
  { text: '小津安二郎 🎬👩‍👩‍👧 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', segment: 'query' },
  { text: ' Doc 1 (Title: Café Müller) e\u0301tude \uFFFD kept', segment: null },
  { text: 'Yasujirō Ozu', segment: 'answer' },
] as const satisfies readonly AlignPiece[];

describe('alignTokens: tokens mapped back to characters', () => {
  it('maps byte-split tokens (CJK, emoji, ZWJ sequences, astral letters, accents, a real U+FFFD) to their exact character spans whenever the token strings determine them', () => {
    const text = MIXED.map((piece) => piece.text).join('');
    let unique = 0;
    for (let seed = 0; seed < 60; seed++) {
      const { tokens, bounds } = byteTokens(text, createRng(seed));
      const { spans } = alignTokens(tokens, MIXED, 'contiguous');
      const readings = tokenizations(encoder.encode(text), tokens);
      // Every span is one that decodes to its token: a consistent reading of the token strings.
      expect(readings.count).toBeGreaterThanOrEqual(1);
      expect(spans!.every((span, t) => span.start >= 0 && decoder.decode(encoder.encode(text.slice(span.start, span.end))).includes(tokens[t]!.replace(/\uFFFD/g, '')))).toBe(true);
      if (readings.count === 1) {
        unique += 1;
        expect(spans).toEqual(bounds.map(([start, end]) => charSpan(text, start, end)));
      }
    }
    expect(unique).toBeGreaterThan(2);
  });

  it('gives every token the segment holding most of its bytes (a tie: the segment, then the earlier one) for tokens cut as byte-level BPE cuts them', () => {
    const text = MIXED.map((piece) => piece.text).join('');
    const owner: (Segment | null)[] = [];
    for (const piece of MIXED) for (let i = 0; i < encoder.encode(piece.text).length; i++) owner.push(piece.segment);
    let unique = 0;
    for (let seed = 0; seed < 60; seed++) {
      const { tokens, bounds } = bpeLikeTokens(text, createRng(500 + seed));
      const { segments, spans } = alignTokens(tokens, MIXED, 'contiguous');
      // Where the token strings admit one byte reading only, the mapping is the truth.
      if (tokenizations(encoder.encode(text), tokens).count > 1) continue;
      unique += 1;
      expect(spans).toEqual(bounds.map(([start, end]) => charSpan(text, start, end)));
      expect(segments).toEqual(bounds.map(([start, end]) => majority(owner, start, end)));
    }
    expect(unique).toBeGreaterThan(8);
  });

  it('finds pieces between unknown template markup (gaps), tokens straddling markup and text included', () => {
    const markup = ['<|im_start|>user\n', '<|im_end|>\n<|im_start|>assistant\n', ' ', '<tool_call>\n{"name": "search", "arguments": {"query": "', '"}}\n</tool_call>'];
    const text = MIXED.map((piece, i) => `${markup[i] ?? ''}${piece.text}`).join('') + '<|im_end|>';
    const owner: (Segment | null)[] = [];
    MIXED.forEach((piece, i) => {
      for (let b = 0; b < encoder.encode(markup[i] ?? '').length; b++) owner.push(null);
      // Gap mode compares pieces without surrounding white space: that white space counts as excluded.
      const lead = piece.text.length - piece.text.trimStart().length;
      const trail = piece.text.length - piece.text.trimEnd().length;
      const bytes = encoder.encode(piece.text);
      const inner = [encoder.encode(piece.text.slice(0, lead)).length, bytes.length - encoder.encode(piece.text.slice(piece.text.length - trail)).length];
      for (let b = 0; b < bytes.length; b++) owner.push(b >= inner[0]! && b < inner[1]! ? piece.segment : null);
    });
    for (let b = 0; b < encoder.encode('<|im_end|>').length; b++) owner.push(null);
    for (let seed = 0; seed < 20; seed++) {
      const { tokens, bounds } = bpeLikeTokens(text, createRng(200 + seed));
      expect(alignTokens(tokens, MIXED, 'gaps').segments).toEqual(bounds.map(([start, end]) => majority(owner, start, end)));
    }
  });

  it('leaves a BOS token before the text and generated tokens after it outside every span', () => {
    const pieces: AlignPiece[] = [{ text: 'Hello ', segment: null }, { text: 'wörld', segment: 'answer' }];
    const { spans, segments } = alignTokens(['<s>', 'Hel', 'lo w', 'ö', 'rld', '<|im_end|>'], pieces, 'contiguous');
    expect(spans).toEqual([{ start: -1, end: -1 }, { start: 0, end: 3 }, { start: 3, end: 7 }, { start: 7, end: 8 }, { start: 8, end: 11 }, { start: -1, end: -1 }]);
    expect(segments).toEqual([null, null, null, 'answer', 'answer', null]);
  });

  it('finds a query written in another spelling (JSON-escaped by the template)', () => {
    const pieces: AlignPiece[] = [{ text: 'the "Blue" Harbor', segment: 'query', alternatives: ['the \\"Blue\\" Harbor'] }];
    const { segments } = alignTokens(['{"query": "', 'the \\"', 'Blue\\"', ' Harbor', '"}'], pieces, 'gaps');
    expect(segments).toEqual([null, 'query', 'query', 'query', null]);
  });

  it('says which text it could not find, and what the tokens held instead', () => {
    const pieces: AlignPiece[] = [{ text: 'first', segment: null }, { text: 'missing reasoning', segment: 'reasoning' }];
    expect(() => alignTokens(['first', ' other', ' words'], pieces, 'gaps')).toThrow(AlignmentError);
    expect(() => alignTokens(['first', ' other', ' words'], pieces, 'gaps')).toThrow(/reasoning text "missing reasoning".*" other words"/);
    expect(() => alignTokens(['firs', 'x'], [{ text: 'first', segment: null }], 'contiguous')).toThrow(/do not contain/);
  });
});
