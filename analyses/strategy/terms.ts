/**
 * Tokens and terms of queries, questions and results. Terms are compared as written (after lower-casing
 * and stripping accents, TAXONOMY.md's "after normalization"), so "Engines" read in a result is new next to
 * "Engine" in the question; only numbers drop their ordinal or decade suffix. Generic words are recognised
 * by Porter stem too, so "films" and "directed" count as generic like "film" and "director".
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { GENERIC_WORDS, STOP_WORDS } from './words';

/** A content term of a text: the token as written (lower-cased) and its comparison key. */
export interface Term {
  token: string;
  key: string;
}

const NUMBER = /^\d+(?:st|nd|rd|th|s)?$/;
const stemCache = new Map<string, string>();

/** Lower-cases, strips accents and splits on anything that is not a letter or a digit. */
export function tokenize(text: string): string[] {
  return casedTokens(text).map((token) => token.toLowerCase());
}

/** Like tokenize, keeping the case as written. */
export function casedTokens(text: string): string[] {
  // Matching the runs of letters and digits gives the same tokens as splitting on everything else, but a
  // regex split over a megabytes-long run of separators exhausts the stack.
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** True for a number or a year-like token ("1987", "1990s", "21st"). */
export function isNumberTerm(token: string): boolean {
  return NUMBER.test(token);
}

/** The comparison key of a token: the token itself, numbers without an ordinal or decade suffix. */
export function termKey(token: string): string {
  return isNumberTerm(token) ? token.replace(/(?:st|nd|rd|th|s)$/, '') : token;
}

/** The Porter stem of a word (cached). */
export function stemOf(token: string): string {
  let stem = stemCache.get(token);
  if (stem === undefined) {
    stem = PorterStemmer.stem(token);
    // The cache only bounds repeated work; a vocabulary beyond this size is rare in one run.
    if (stemCache.size < 200_000) stemCache.set(token, stem);
  }
  return stem;
}

const GENERIC_STEMS = new Set([...GENERIC_WORDS].map(stemOf));

/** True when a token is a stop word or a generic attribute word (TAXONOMY.md: never a new term). */
export function isIgnorable(token: string): boolean {
  if (STOP_WORDS.has(token) || GENERIC_WORDS.has(token)) return true;
  return !isNumberTerm(token) && GENERIC_STEMS.has(stemOf(token));
}

/** The keys of every token of a text (membership tests: "does the question contain this term?"). */
export function keySet(text: string): Set<string> {
  return new Set(tokenize(text).map(termKey));
}

/**
 * The content terms of a text in order, duplicates removed (stop and generic words dropped). With
 * `namesByCase`, a generic word written capitalized is kept: it is part of a name ("Bogajou Heights",
 * "The Little Daughters"), not an attribute — except the first word of a question ("Born where?").
 */
export function contentTerms(text: string, options: { namesByCase?: boolean } = {}): Term[] {
  const seen = new Set<string>();
  const terms: Term[] = [];
  // A question-like text capitalizes its first word as a sentence, not as a name.
  const sentence = text.trim().endsWith('?');
  for (const [index, cased] of casedTokens(text).entries()) {
    const token = cased.toLowerCase();
    if (STOP_WORDS.has(token)) continue;
    const named = options.namesByCase === true && /^\p{Lu}/u.test(cased) && !(index === 0 && sentence);
    if (!named && isIgnorable(token)) continue;
    const key = termKey(token);
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ token, key });
  }
  return terms;
}

/**
 * The tokens (lower-cased) a text writes as names or values: numbers, and words written capitalized —
 * except the first word of a question-like text (a sentence capital). In a text without any capital
 * letter only numbers are known to be values: its words give no evidence of being names.
 */
export function nameTokens(text: string): Set<string> {
  const sentence = text.trim().endsWith('?');
  const names = new Set<string>();
  casedTokens(text).forEach((token, index) => {
    if (isNumberTerm(token) || (/^\p{Lu}/u.test(token) && !(index === 0 && sentence))) names.add(token.toLowerCase());
  });
  return names;
}
