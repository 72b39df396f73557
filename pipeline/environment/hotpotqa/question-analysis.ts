/**
 * Heuristics that read a real question without a model: the entities it names (runs of capitalized
 * words, quoted titles, "X or Y" alternatives), the kind of answer it wants (a year, a number, yes/no,
 * a name) and which way a comparison goes. Good enough to phrase searches and pick spans; they miss
 * lower-case entities and questions whose answer type is only implied (see docs/simulator.md).
 */
import { SEARCH_STOP_WORDS } from '../search/tokenize';

/** The kind of answer a question wants. */
export type AnswerType = 'year' | 'number' | 'yes-no' | 'name';

const LEADING = new Set(['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'is', 'are', 'was', 'were', 'do', 'does', 'did', 'in', 'on', 'at', 'the', 'a', 'an', 'of', 'for', 'from', 'by', 'to', 'has', 'have', 'had', 'can', 'could', 'both', 'and', 'or', 'as', 'with', 'that', 'this', 'these', 'those']);
const CONNECTORS = new Set(['of', 'the', 'for', 'de', 'la', 'von', 'van', 'der', 'du', 'da', 'di', '&', "'s"]);
const YES_NO_START = /^(is|are|was|were|do|does|did|can|could|has|have|had|will|would)\b/i;

function isCapitalized(word: string): boolean {
  return /^["“(]?[\p{Lu}\p{N}]/u.test(word);
}

function clean(word: string): string {
  return word.replace(/^["“'(]+|["”'),.;:?!]+$/g, '');
}

/** Runs of capitalized words (connectors allowed inside), in order; sentence-initial question words dropped. */
export function capitalizedRuns(text: string): string[] {
  const runs: string[] = [];
  const quoted = [...text.matchAll(/["“]([^"”]{2,80})["”]/g)].map((m) => m[1]!.trim());
  const words = text.split(/\s+/).filter(Boolean);
  let run: string[] = [];
  const flush = (): void => {
    while (run.length > 0 && CONNECTORS.has(run[run.length - 1]!.toLowerCase())) run.pop();
    if (run.length > 0) runs.push(run.join(' '));
    run = [];
  };
  words.forEach((raw, i) => {
    const word = clean(raw);
    if (!word) return flush();
    const sentenceStart = i === 0 || /[.?!]$/.test(words[i - 1] ?? '');
    const lower = word.toLowerCase();
    if (isCapitalized(word) && !(sentenceStart && LEADING.has(lower)) && !(run.length === 0 && SEARCH_STOP_WORDS.has(lower))) run.push(word);
    else if (run.length > 0 && CONNECTORS.has(lower)) run.push(word);
    else flush();
    if (/[,.;:?!)"”]$/.test(raw)) flush();
  });
  flush();
  return [...new Set([...quoted, ...runs])];
}

/** The entities a question names; for "…, X or Y?" the two alternatives. */
export function questionEntities(question: string): string[] {
  const alternatives = question.match(/(?:,|:)?\s*([^,:]+?)\s+or\s+([^?]+?)\s*\??$/);
  const runs = capitalizedRuns(question);
  if (alternatives) {
    const left = capitalizedRuns(alternatives[1]!);
    const right = alternatives[2]!.trim().replace(/^the\s+/i, '');
    const a = left[left.length - 1];
    if (a && right) return [a, clean(right)];
  }
  return runs;
}

/** The kind of answer a question wants. */
export function answerType(question: string): AnswerType {
  const q = question.toLowerCase();
  if (YES_NO_START.test(question.trim()) && !/\bor\b/.test(q)) return 'yes-no';
  if (/\b(what|which|in what) year\b|\bwhen\b|\byear\b/.test(q)) return 'year';
  if (/\bhow (many|much|long|old|tall|far)\b/.test(q)) return 'number';
  return 'name';
}

/** For a comparison: true when the answer has the smaller value (earlier, older, first, fewer). */
export function prefersSmaller(question: string): boolean {
  return !/\b(later|latest|more recent(ly)?|younger|newer|last|more|most|larger|largest|longer|longest|taller|higher|bigger|greater)\b/i.test(question);
}
