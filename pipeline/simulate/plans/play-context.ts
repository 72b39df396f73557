/**
 * What a plan needs while it plays an episode, and the small helpers all plans share: drawing a
 * phrasing, knowing which question entities a query names, answering with what the episode has.
 */
import type { Rng } from '../../../analyses/random/rng';
import { questionKeywords } from '../../environment/tasks/keywords';
import { SEARCH_STOP_WORDS, words } from '../../environment/search/tokenize';
import type { Family, SimTask } from '../../environment/tasks/sim-task';
import type { CompiledPolicy } from '../compiled-policy';
import type { EpisodeRecorder, PlannedCall } from '../episode-recorder';
import { PHRASINGS, renderPhrasing } from '../phrasings';
import type { Reader } from '../readers/reader';

/** The state of one episode being played. */
export interface PlayContext {
  task: SimTask;
  policy: CompiledPolicy;
  rec: EpisodeRecorder;
  reader: Reader;
  rng: Rng;
}

/** A drawn phrasing: its name and the query text. */
export interface Phrased {
  name: string;
  query: string;
}

/** Draws a phrasing for a plan step and fills it (undefined when every phrasing is excluded). */
export function phrase(ctx: PlayContext, slot: string, values: Readonly<Record<string, string>> = {}, exclude?: ReadonlySet<string>): Phrased | undefined {
  const name = ctx.policy.phrasing[ctx.task.plans][slot]!.draw(ctx.rng, exclude);
  return name === undefined ? undefined : { name, query: renderNamed(ctx, slot, name, values) };
}

/** Fills a named phrasing of a plan step with the task's words and the given values. */
export function renderNamed(ctx: PlayContext, slot: string, name: string, values: Readonly<Record<string, string>> = {}): string {
  const family: Family = ctx.task.plans;
  const templates: Record<string, Record<string, string>> = PHRASINGS[family];
  const t = ctx.task.terms;
  return renderPhrasing(templates[slot]![name]!, {
    question: t.question,
    keywords: t.keywords,
    E: t.entities[0] ?? '',
    E2: t.entities[1] ?? '',
    relation: t.relation,
    attribute: t.attribute,
    role: t.role,
    type: t.type,
    ...values,
  });
}

// Which question entities a query names, memoised per task: the same few queries recur in every sample.
const coverCache = new WeakMap<SimTask, Map<string, readonly number[]>>();

function coveredEntities(task: SimTask, query: string): readonly number[] {
  let cache = coverCache.get(task);
  if (!cache) coverCache.set(task, (cache = new Map()));
  let covers = cache.get(query);
  if (!covers) {
    const words = ` ${questionKeywords(query).toLowerCase()} `;
    const found: number[] = [];
    task.terms.entities.forEach((entity, i) => {
      if (words.includes(` ${questionKeywords(entity).toLowerCase()} `)) found.push(i);
    });
    cache.set(query, (covers = found));
  }
  return covers;
}

/** A call whose words all come from the question: which question entities it names. */
export function questionCall(ctx: PlayContext, query: string): PlannedCall {
  return noisy(ctx, { query, fromResult: false, candidate: null, covers: coveredEntities(ctx.task, query) });
}

/** A call that uses a name read in a result (the bridge) and possibly a candidate answer. */
export function resultCall(ctx: PlayContext, query: string, candidate: string | null = null): PlannedCall {
  return noisy(ctx, { query, fromResult: true, candidate, covers: coveredEntities(ctx.task, query) });
}

// The words of a task's paragraphs that its question does not contain: what a noisy query is made of.
const vocabularies = new WeakMap<SimTask, readonly string[]>();

function noiseVocabulary(task: SimTask): readonly string[] {
  let vocabulary = vocabularies.get(task);
  if (!vocabulary) {
    const question = new Set(words(task.row.question));
    const all = new Set(task.row.docs.flatMap((doc) => words(doc.text)));
    vocabulary = [...all].filter((word) => !question.has(word) && !SEARCH_STOP_WORDS.has(word) && word.length > 2).sort();
    vocabularies.set(task, vocabulary);
  }
  return vocabulary;
}

// With the policy's queryNoise probability, the query becomes random words; its provenance is then what
// those words are: from a result when one of them was already seen in a result, never a candidate check.
function noisy(ctx: PlayContext, call: PlannedCall): PlannedCall {
  const noise = ctx.policy.config.queryNoise;
  if (noise <= 0 || ctx.rng.next() >= noise) return call;
  const vocabulary = noiseVocabulary(ctx.task);
  if (vocabulary.length === 0) return call;
  const count = 2 + ctx.rng.int(3);
  const chosen = Array.from({ length: count }, () => vocabulary[ctx.rng.int(vocabulary.length)]!);
  const seen = new Set(ctx.rec.seen.flatMap((i) => words(ctx.task.row.docs[i]!.text)));
  return { query: chosen.join(' '), fromResult: chosen.some((word) => seen.has(word)), candidate: null, covers: [] };
}

/**
 * Ends an episode the budget cut short: with a value read from results it answers that; with nothing
 * it gives up (no answer: exhausted) with the policy's giveUp probability, or guesses.
 */
export function answerCut(ctx: PlayContext, value: string | null): string | null {
  ctx.rec.cut = true;
  if (value !== null) return value;
  return ctx.rng.next() < ctx.policy.config.giveUp ? null : ctx.reader.guess(ctx.rng);
}
