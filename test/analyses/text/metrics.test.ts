import { describe, expect, it } from 'vitest';
import { exactMatch } from '../../../analyses/text/exact-match';
import { bestF1, tokenF1 } from '../../../analyses/text/f1';
import { normalizeAnswer } from '../../../analyses/text/normalize';

describe('normalizeAnswer (SQuAD/HotpotQA rules)', () => {
  it.each([
    ['The Beatles', 'beatles'],
    ['  An   apple, a day! ', 'apple day'],
    ['U.S.A.', 'usa'],
    ["Rock'n'Roll", 'rocknroll'],
    ['theatre', 'theatre'],
    ['A-ha', 'aha'],
    ['the the THE', ''],
    ['1,000', '1000'],
    ['Café  Noir\tthe\nEnd', 'café noir end'],
    // Python's \b is Unicode-aware: the "a" of "ça" and the "an" of "Éan" are not articles.
    ['ça', 'ça'],
    ['Éan', 'éan'],
    ['théa a', 'théa'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeAnswer(input)).toBe(expected);
  });
});

describe('exactMatch', () => {
  it('matches any alias after normalization', () => {
    expect(exactMatch('the Beatles.', ['Beatles'])).toBe(true);
    expect(exactMatch('Beatles', ['Rolling Stones', 'The Beatles'])).toBe(true);
    expect(exactMatch('Beatle', ['Beatles'])).toBe(false);
    expect(exactMatch(null, ['x'])).toBe(false);
    expect(exactMatch('x', [])).toBe(false);
  });
});

describe('tokenF1 (hand-computed)', () => {
  it('partial overlap: 3 common of 3 predicted and 5 gold ("the" dropped) → P=1, R=3/5, F1=0.75', () => {
    expect(tokenF1('new york city', 'the city of new york state')).toBeCloseTo(0.75, 12);
  });
  it('counts repeated tokens once per occurrence', () => {
    // predicted [x, y, y] vs gold [y, z]: one common token → P=1/3, R=1/2
    expect(tokenF1('x y y', 'y z')).toBeCloseTo((2 * (1 / 3) * (1 / 2)) / (1 / 3 + 1 / 2), 12);
  });
  it('yes/no/noanswer must match exactly', () => {
    expect(tokenF1('yes', 'yes it is')).toBe(0);
    expect(tokenF1('no', 'no')).toBe(1);
  });
  it('is 1 for identical answers and 0 without overlap', () => {
    expect(tokenF1('The Eiffel Tower', 'eiffel tower')).toBe(1);
    expect(tokenF1('Paris', 'London')).toBe(0);
  });
  it('bestF1 takes the best alias, 0 for a missing prediction', () => {
    expect(bestF1('eiffel', ['Louvre', 'Eiffel Tower'])).toBeCloseTo(2 / 3, 12);
    expect(bestF1(null, ['x'])).toBe(0);
  });
});
