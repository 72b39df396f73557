/**
 * The search tool's analyzer: lower-case, strip accents, split on anything that is not a letter or a
 * digit, drop English stop words, Porter-stem (natural's implementation, imported by subpath because the
 * package index loads `./.env` and prints). Our own splitter instead of natural's tokenizers keeps
 * digits and non-ASCII letters, which names and years need.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';

/** Function words that carry no topic; the list is short on purpose (BM25's idf discounts the rest). */
export const SEARCH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but nor of in on at to for from by with as into about than then that this these those it its
  is are was were be been being am do does did has have had what which who whom whose when where why how
  whether if so there here i you he she we they his her their our your me him them`.split(/\s+/).filter(Boolean),
);

const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 500_000;

/** The Porter stem of a lower-case token (memoised: the same few thousand words recur in every query). */
export function stem(token: string): string {
  let result = stems.get(token);
  if (result === undefined) {
    result = /^\d+$/.test(token) ? token : PorterStemmer.stem(token);
    if (stems.size < STEM_CACHE_LIMIT) stems.set(token, result);
  }
  return result;
}

/** Splits text into lower-case words (letters and digits), accents removed; stop words kept. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The index terms of a text: words without stop words, stemmed. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) if (!SEARCH_STOP_WORDS.has(word)) terms.push(stem(word));
  return terms;
}
