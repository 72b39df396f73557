/**
 * Reads real paragraphs (HotpotQA) with heuristics instead of a model: a paragraph is "about" a name
 * when its title matches it; the bridge is a capitalized name of the question entity's paragraph that
 * the question does not contain, preferring the sentence sharing most words with the question; an
 * answer is a span of the type the question wants (year, number, name, yes/no) from the paragraph
 * about the entity, again preferring the best-matching sentence. Skills decide whether the best
 * candidate or another one is taken. Limits: no coreference, no lower-case answers, no arithmetic.
 */
import type { Rng } from '../../../analyses/random/rng';
import { normalizeAnswer } from '../../../analyses/text/normalize';
import { answerType, capitalizedRuns, prefersSmaller, type AnswerType } from '../../environment/hotpotqa/question-analysis';
import { analyze } from '../../environment/search/tokenize';
import type { SimTask } from '../../environment/tasks/sim-task';
import { readsRight, type Reader, type Reading, type ReadingSkill } from './reader';

const YEAR = /\b(1[0-9]{3}|20[0-9]{2})\b/g;
const NUMBER = /\b\d[\d,]*(?:\.\d+)?\b/g;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)]!;
}

function titleKey(text: string): string {
  return normalizeAnswer(text.replace(/\s*\([^)]*\)\s*$/, ''));
}

/** Spans of a kind in a text, each with the sentence it came from. */
function spans(text: string, type: AnswerType): { span: string; sentence: string }[] {
  const out: { span: string; sentence: string }[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const found = type === 'year' ? sentence.match(YEAR) : type === 'number' ? sentence.match(NUMBER) : capitalizedRuns(sentence);
    for (const span of found ?? []) out.push({ span, sentence });
  }
  return out;
}

/** The reader of one HotpotQA task (span extraction memoised per paragraph: episodes re-read the same ones). */
export class TextReader implements Reader {
  private readonly type: AnswerType;
  private readonly questionTerms: Set<string>;
  private readonly questionKey: string;
  private readonly spanCache = new Map<string, { span: string; sentence: string }[]>();
  private readonly scoreCache = new Map<string, number>();
  private readonly candidateCache = new Map<string, { span: string; sentence: string }[]>();
  private readonly titleKeys: string[];

  constructor(private readonly task: SimTask) {
    this.type = answerType(task.row.question);
    this.questionTerms = new Set(analyze(task.row.question));
    this.questionKey = ` ${normalizeAnswer(task.row.question)} `;
    this.titleKeys = task.row.docs.map((doc) => titleKey(doc.title));
  }

  bridge(seen: readonly number[], extraction: number, rng: Rng): string | null {
    const entity = this.task.terms.entities[0] ?? '';
    const about = this.about(seen, entity);
    if (about === undefined) {
      if (rng.next() < extraction || seen.length === 0) return null;
      const names = this.names(this.doc(seen[0]!).text, this.doc(seen[0]!).title);
      return names.length > 0 ? pick(rng, names).span : null;
    }
    const names = this.names(this.doc(about).text, this.doc(about).title);
    if (names.length === 0) return null;
    const best = this.best(names);
    if (rng.next() < extraction || names.length === 1) return best.span;
    return pick(rng, names.filter((n) => n !== best)).span;
  }

  attribute(seen: readonly number[], name: string, skill: ReadingSkill, rng: Rng): Reading | null {
    const about = this.about(seen, name);
    const candidates = (index: number) => this.candidatesOf(index, name);
    if (about !== undefined) {
      const own = candidates(about);
      if (this.type === 'yes-no') return { value: this.matches(about) ? 'yes' : 'no', grounded: true };
      if (own.length > 0) {
        const best = this.best(own);
        const rivals = [...own.filter((c) => c !== best), ...seen.filter((i) => i !== about).flatMap(candidates)];
        if (rng.next() < readsRight(skill.integration, rivals.length, skill.dilution)) return { value: best.span, grounded: true };
        return { value: pick(rng, rivals).span, grounded: true };
      }
    }
    if (this.type === 'yes-no') return null;
    const others = seen.flatMap(candidates);
    return others.length > 0 ? { value: pick(rng, others).span, grounded: false } : null;
  }

  stated(docs: readonly number[], name: string): string | null {
    const about = this.about(docs, name);
    if (about === undefined) return null;
    const own = this.candidatesOf(about, name);
    return own.length > 0 ? this.best(own).span : null;
  }

  decide(values: readonly (string | null)[], rng: Rng): string {
    const entities = this.task.terms.entities;
    if (this.type === 'yes-no') {
      if (values.some((v) => v === null)) return pick(rng, ['yes', 'no']);
      return values.every((v) => v === 'yes') ? 'yes' : 'no';
    }
    const numbers = values.map((v) => (v === null ? NaN : Number(v.replace(/,/g, ''))));
    const [a, b] = numbers;
    if (entities.length < 2 || a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) || a === b) return this.guess(rng);
    return (a < b) === prefersSmaller(this.task.row.question) ? entities[0]! : entities[1]!;
  }

  guess(rng: Rng): string {
    if (this.type === 'yes-no') return pick(rng, ['yes', 'no']);
    const entities = this.task.terms.entities;
    if (this.task.plans === 'comparison' && entities.length >= 2) return pick(rng, entities.slice(0, 2));
    // Without evidence nothing about a real page can be known: an honest non-answer.
    return 'unknown';
  }

  private doc(index: number) {
    return this.task.row.docs[index]!;
  }

  // The seen paragraph whose title best matches a name (exact title first, then containment).
  private about(seen: readonly number[], name: string): number | undefined {
    const key = titleKey(name);
    if (!key) return undefined;
    let partial: number | undefined;
    for (const i of seen) {
      const title = this.titleKeys[i]!;
      if (title === key) return i;
      if (partial === undefined && title.length >= 4 && (key.includes(title) || title.includes(key))) partial = i;
    }
    return partial;
  }

  private spans(text: string, type: AnswerType): { span: string; sentence: string }[] {
    const key = `${type}\u0000${text}`;
    let found = this.spanCache.get(key);
    if (!found) this.spanCache.set(key, (found = spans(text, type)));
    return found;
  }

  // Names in a paragraph that the question does not contain (bridge candidates).
  private names(text: string, title: string): { span: string; sentence: string }[] {
    const own = titleKey(title);
    return this.spans(text, 'name').filter(({ span }) => {
      const key = normalizeAnswer(span);
      return key.length > 1 && key !== own && !this.questionKey.includes(` ${key} `);
    });
  }

  private candidatesOf(index: number, name: string): { span: string; sentence: string }[] {
    const key = `${index}\u0000${name}`;
    let found = this.candidateCache.get(key);
    if (!found) this.candidateCache.set(key, (found = this.candidates(this.doc(index).text, name)));
    return found;
  }

  // Answer candidates of the question's type in a paragraph, the sought name itself excluded.
  private candidates(text: string, name: string): { span: string; sentence: string }[] {
    const nameKey = normalizeAnswer(name);
    return this.spans(text, this.type === 'yes-no' ? 'name' : this.type).filter(({ span }) => {
      const key = normalizeAnswer(span);
      return key.length > 0 && key !== nameKey && (this.type !== 'name' || !this.questionKey.includes(` ${key} `));
    });
  }

  // The candidate whose sentence shares most terms with the question (earliest on ties).
  private best<T extends { sentence: string }>(candidates: readonly T[]): T {
    let best = candidates[0]!;
    let bestScore = -1;
    for (const candidate of candidates) {
      let score = this.scoreCache.get(candidate.sentence);
      if (score === undefined) {
        score = 0;
        for (const term of analyze(candidate.sentence)) if (this.questionTerms.has(term)) score += 1;
        this.scoreCache.set(candidate.sentence, score);
      }
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  // Yes/no: the paragraph contains most of the question's words outside the entity names.
  private matches(index: number): boolean {
    const entityTerms = new Set(this.task.terms.entities.flatMap((e) => analyze(e)));
    const wanted = [...this.questionTerms].filter((t) => !entityTerms.has(t));
    if (wanted.length === 0) return true;
    const text = new Set(analyze(this.doc(index).text));
    return wanted.filter((t) => text.has(t)).length * 2 >= wanted.length;
  }
}
