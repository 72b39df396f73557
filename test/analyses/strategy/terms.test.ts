import { describe, expect, it } from 'vitest';
import { contentTerms, isIgnorable, isNumberTerm, keySet, stemOf, termKey, tokenize } from '../../../analyses/strategy/terms';

describe('terms', () => {
  it('tokenizes lower-case, without accents or punctuation, keeping digits', () => {
    expect(tokenize("Zoë's  film (1994): Café-Noir!")).toEqual(['zoe', 's', 'film', '1994', 'cafe', 'noir']);
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  ...  ')).toEqual([]);
  });

  it('compares words as written and numbers without ordinal or decade suffixes', () => {
    expect(termKey('engines')).not.toBe(termKey('engine'));
    expect(termKey('1990s')).toBe('1990');
    expect(termKey('21st')).toBe('21');
    expect(isNumberTerm('1987')).toBe(true);
    expect(isNumberTerm('b52')).toBe(false);
    expect(stemOf('founded')).toBe('found');
  });

  it('ignores stop words and generic attribute words, including their inflections', () => {
    for (const word of ['the', 'of', 'born', 'film', 'films', 'nationality', 'directed', 'director', 'founders']) expect(isIgnorable(word)).toBe(true);
    for (const word of ['quill', 'harbor', '1987', 'french', 'daughters', 'engines']) expect(isIgnorable(word)).toBe(false);
  });

  it('lists content terms once each, in order', () => {
    expect(contentTerms('Mara Quill film MARA quill born 1950s')).toEqual([
      { token: 'mara', key: 'mara' },
      { token: 'quill', key: 'quill' },
      { token: '1950s', key: '1950' },
    ]);
  });

  it('builds key sets of whole texts', () => {
    expect([...keySet('Harbor harbor, HARBOR')]).toEqual(['harbor']);
  });
});

describe('names written with capitals', () => {
  it('keeps capitalized generic words of queries as parts of names, except a question’s first word', () => {
    expect(contentTerms('Heights', { namesByCase: true }).map((t) => t.token)).toEqual(['heights']);
    expect(contentTerms('heights', { namesByCase: true })).toEqual([]);
    expect(contentTerms('The Little Daughters formed', { namesByCase: true }).map((t) => t.token)).toEqual(['little', 'daughters']);
    expect(contentTerms('Born where?', { namesByCase: true })).toEqual([]);
    expect(contentTerms('Bogajou Heights', {}).map((t) => t.token)).toEqual(['bogajou']);
  });
});
