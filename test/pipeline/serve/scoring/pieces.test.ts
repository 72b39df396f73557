import { describe, expect, it } from 'vitest';
import { pieceClass, pieces } from '../../../../pipeline/serve/scoring/pieces';

describe('the simulator tokenizer', () => {
  const texts = [
    'Who directed "Blue Harbor" (1994)?  Mara Voss.',
    'Zoë Ørsted, São Paulo — 北京市 and 東京; naïve café',
    'e\u0301cole: a combining accent stays inside its word',
    'emoji 👩‍👩‍👧 and flags 🇫🇷, tabs\tand\r\nnewlines\n\n',
    'a lone surrogate \ud800 and \udc00 survive',
    '',
    '<answer>Veltrian</answer><tool_call>{"query":"x"}</tool_call>',
  ];

  it('cuts any text into pieces that concatenate back to it exactly', () => {
    for (const text of texts) expect(pieces(text).join('')).toBe(text);
  });

  it('keeps words whole (letters, digits and marks of every script) and splits everything else', () => {
    expect(pieces('Who directed "Blue Harbor" (1994)?')).toEqual(['Who', ' ', 'directed', ' ', '"', 'Blue', ' ', 'Harbor', '"', ' ', '(', '1994', ')', '?']);
    expect(pieces('北京市 and 東京')).toEqual(['北京市', ' ', 'and', ' ', '東京']);
    expect(pieces('e\u0301cole')).toEqual(['e\u0301cole']);
    expect(pieces('🇫🇷!')).toEqual(['🇫', '🇷', '!']);
    expect(pieces('a \t\n b')).toEqual(['a', ' \t\n ', 'b']);
  });

  it('classes pieces for the background model', () => {
    expect(['  ', 'Ørsted', '42', '?', '👩'].map(pieceClass)).toEqual(['space', 'word', 'word', 'symbol', 'symbol']);
  });
});
