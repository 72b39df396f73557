/**
 * SQuAD/HotpotQA answer normalization: lower-case, drop punctuation, drop the articles a/an/the,
 * collapse white space — in that order, as the official evaluation scripts do.
 */

// Python's string.punctuation (ASCII 0x21-0x2F, 0x3A-0x40, 0x5B-0x60, 0x7B-0x7E), which the official scripts strip.
const PUNCTUATION = /[!-/:-@[-`{-~]/g;
// Python's `\b` is Unicode-aware (letters, digits, underscore of any script), so "ça" keeps its "a".
const ARTICLES = /(?<![\p{L}\p{N}_])(a|an|the)(?![\p{L}\p{N}_])/gu;
// The same on plain ASCII text, where the letters and digits of any script are [A-Za-z0-9] (faster without /u).
const ASCII_ARTICLES = /(?<![A-Za-z0-9_])(a|an|the)(?![A-Za-z0-9_])/g;
const NON_ASCII = /[^\x00-\x7f]/;
const WHITESPACE = /\s+/g;

/** Removes the characters of Python's string.punctuation (the first step of normalization after lower-casing). */
export function stripPunctuation(text: string): string {
  return text.replace(PUNCTUATION, '');
}

/** Normalizes an answer string the SQuAD/HotpotQA way. */
export function normalizeAnswer(text: string): string {
  return normalizeStripped(stripPunctuation(text.toLowerCase()));
}

/** The rest of the normalization of a text already lower-cased and stripped of punctuation. */
export function normalizeStripped(stripped: string): string {
  const withoutArticles = stripped.replace(NON_ASCII.test(stripped) ? ARTICLES : ASCII_ARTICLES, ' ');
  return withoutArticles.replace(WHITESPACE, ' ').trim();
}

/** The normalized tokens of an answer (empty for an empty answer). */
export function answerTokens(text: string): string[] {
  const normalized = normalizeAnswer(text);
  return normalized ? normalized.split(' ') : [];
}
