/**
 * SQuAD/HotpotQA answer normalization: lower-case, drop punctuation, drop the articles a/an/the,
 * collapse white space — in that order, as the official evaluation scripts do.
 */

// Python's string.punctuation, which the official scripts strip character by character.
const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
const ARTICLES = /\b(a|an|the)\b/g;

/** Normalizes an answer string the SQuAD/HotpotQA way. */
export function normalizeAnswer(text: string): string {
  let lower = text.toLowerCase();
  let kept = '';
  for (const ch of lower) if (!PUNCTUATION.has(ch)) kept += ch;
  lower = kept.replace(ARTICLES, ' ');
  return lower.split(/\s+/).filter(Boolean).join(' ');
}

/** The normalized tokens of an answer (empty for an empty answer). */
export function answerTokens(text: string): string[] {
  const normalized = normalizeAnswer(text);
  return normalized ? normalized.split(' ') : [];
}
