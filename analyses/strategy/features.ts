/**
 * The audit features of one episode (TAXONOMY.md): calls and rounds, every query's terms and where each
 * first appeared (question / result i / nowhere), whether the candidate answer appeared in results before
 * the last call, and query-to-question / query-to-query similarity. The rules (rules.ts) read only these.
 */
import type { EpisodeTrace } from '../episode';
import { normalizeAnswer } from '../text/normalize';
import { coveredEntities, questionEntities } from './question-entities';
import { normalizeQuery } from './sequence';
import { isSubset, jaccard } from './similarity';
import { contentTerms, isNumberTerm, nameTokens, termKey, tokenize } from './terms';
import { readingOf, type Reading, type RoleOf } from './tool-roles';
import { STOP_WORDS } from './words';

/** One content term of a query and where it first appeared in the episode. */
export interface QueryTerm {
  term: string;
  /** `question`, `result i` (1-based, any tool's result) or `nowhere` (first seen in a query). */
  source: string;
  /** Counts as a bridge for `sequential` (from a result; a number only when the question follows it). */
  bridge: boolean;
}

/** The features of one search query. */
export interface QueryFeatures {
  /** Normalized query text. */
  query: string;
  tool: string;
  round: number;
  /** Results (of any tool) seen before this call. */
  results_before: number;
  terms: QueryTerm[];
  /** Indices into `EpisodeFeatures.entities` of the question entities this query covers. */
  covers: number[];
  /** Jaccard similarity of the query's words to the question's (stop words dropped, keys compared). */
  sim_question: number;
  /** Jaccard similarity to the previous search query (null for the first). */
  sim_previous: number | null;
  /** Contains the candidate answer (all its content terms). */
  has_candidate: boolean;
  /**
   * Names from results it adds besides the candidate: runs of adjacent result-derived words, leaving out
   * the candidate's words and any run an earlier query already used (the bridge, kept as context).
   */
  other_result_names: string[];
  /**
   * Its new terms found neither in the question nor in any earlier result that it writes as a name or a
   * value (TAXONOMY.md's new term: a name, entity or value) — what the agent brought itself (`unanchored`).
   */
  brought_names: string[];
}

/** Everything the rules and the audit trail need about one episode. */
export interface EpisodeFeatures {
  /** A final answer: an answer step, or a call to an answer-role tool. */
  answered: boolean;
  /** The source marked the episode as stopped (meta.halted / meta.exhausted). */
  halted: boolean;
  calls: number;
  search_calls: number;
  /** Calls to read-role tools (opening or reading what was found), failed ones included. */
  read_calls: number;
  /** Distinct read targets: read calls that differ in tool or arguments. */
  read_targets: number;
  /** TAXONOMY.md's reading label from `read_targets`. */
  reading: Reading;
  /** Calls to tools that neither search, read nor answer (APIs, code, calculators). */
  other_calls: number;
  rounds: number;
  results: number;
  /** Tool names of all calls, in order. */
  tools: string[];
  /** Entities named by the question. */
  entities: string[];
  /** The question asks to follow a date or number ("the year X was founded"). */
  numeric_cue: boolean;
  queries: QueryFeatures[];
  /** Normalized final answer when it can be a verification target (has a term absent from the question). */
  candidate: string | null;
  /** First result (1-based) containing the candidate, or null. */
  candidate_first_result: number | null;
  /** The candidate appeared in a result before the last search call. */
  candidate_before_last_call: boolean;
}

/** Options of the feature extraction. */
export interface FeatureOptions {
  /** The role of each tool (search, read, answer, other). */
  roleOf: RoleOf;
}

const NUMERIC_CUES = new Set(['year', 'years', 'date', 'decade', 'century', 'era', 'season', 'period', 'when', 'during']);

/** Computes the audit features of an episode given its task's question. */
export function episodeFeatures(trace: EpisodeTrace, question: string, options: FeatureOptions): EpisodeFeatures {
  const questionKeys = wordKeys(question);
  const entities = questionEntities(question);
  const numericCue = tokenize(question).some((token) => NUMERIC_CUES.has(token));
  // An agent may answer through a tool (`submit_answer`): its argument is then the final answer.
  const answerCall = trace.answer === null ? [...trace.steps].reverse().find((step) => step.type === 'call' && options.roleOf(step.tool) === 'answer') : undefined;
  const answer = trace.answer ?? (answerCall?.type === 'call' ? answerCall.query : null);
  const candidate = candidateOf(answer, questionKeys);
  // All the candidate's words (generic ones included: "Grakryta Heights" is one name).
  const candidateKeys = candidate === null ? null : wordKeys(candidate);

  // First appearance of every key: the question, then results and queries in episode order.
  const firstSeen = new Map<string, string>();
  for (const key of questionKeys) firstSeen.set(key, 'question');
  const earlierQueryKeys: Set<string>[] = [];
  const queries: QueryFeatures[] = [];
  const tools: string[] = [];
  const readTargets = new Set<string>();
  const roleCalls = { search: 0, read: 0, answer: 0, other: 0 };
  let results = 0;
  let candidateFirst: number | null = null;
  let previousKeys: Set<string> | null = null;

  for (const step of trace.steps) {
    if (step.type === 'result') {
      results += 1;
      const text = `${step.titles.join(' ')} ${step.text}`;
      for (const token of tokenize(text)) {
        const key = termKey(token);
        if (!firstSeen.has(key)) firstSeen.set(key, `result ${results}`);
      }
      if (candidate !== null && candidateFirst === null && ` ${normalizeAnswer(text)} `.includes(` ${candidate} `)) candidateFirst = results;
      continue;
    }
    if (step.type !== 'call') continue;
    tools.push(step.tool);
    const role = options.roleOf(step.tool);
    roleCalls[role] += 1;
    if (role === 'read') readTargets.add(`${step.tool}\u0000${step.args ?? step.query}`);
    if (role !== 'search') continue;

    const keys = wordKeys(step.query);
    const restatement = earlierQueryKeys.some((earlier) => isSubset(withoutNumbers(keys), earlier));
    const terms: QueryTerm[] = contentTerms(step.query, { namesByCase: true }).map(({ token, key }) => {
      const source = firstSeen.get(key) ?? 'nowhere';
      const fromResult = source.startsWith('result');
      const bridge = fromResult && (!isNumberTerm(token) || (numericCue && !restatement));
      return { term: token, source, bridge };
    });
    for (const term of terms) if (!firstSeen.has(termKey(term.term))) firstSeen.set(termKey(term.term), 'nowhere');
    const hasCandidate = candidateKeys !== null && candidateKeys.size > 0 && isSubset(candidateKeys, keys);
    queries.push({
      query: normalizeQuery(step.query),
      tool: step.tool,
      round: step.round,
      results_before: results,
      terms,
      covers: coveredEntities(entities, keys),
      sim_question: round4(jaccard(keys, questionKeys)),
      sim_previous: previousKeys === null ? null : round4(jaccard(keys, previousKeys)),
      has_candidate: hasCandidate,
      other_result_names: resultNames(step.query, terms, candidateKeys, earlierQueryKeys),
      brought_names: broughtNames(step.query, terms),
    });
    earlierQueryKeys.push(keys);
    previousKeys = keys;
  }

  const lastSearchResultsBefore = queries.length > 0 ? queries[queries.length - 1]!.results_before : 0;
  return {
    answered: answer !== null,
    halted: trace.meta?.['halted'] === true || trace.meta?.['exhausted'] === true,
    calls: tools.length,
    search_calls: queries.length,
    read_calls: roleCalls.read,
    read_targets: readTargets.size,
    reading: readingOf(readTargets.size),
    other_calls: roleCalls.other,
    rounds: trace.rounds,
    results,
    tools,
    entities: entities.map((entity) => entity.text),
    numeric_cue: numericCue,
    queries,
    candidate,
    candidate_first_result: candidateFirst,
    candidate_before_last_call: candidateFirst !== null && candidateFirst <= lastSearchResultsBefore,
  };
}

// Keys of all words but stop words: what similarity and restatement compare.
function wordKeys(text: string): Set<string> {
  return new Set(
    tokenize(text)
      .filter((token) => !STOP_WORDS.has(token))
      .map(termKey),
  );
}

// Splits the query into runs of adjacent words that came from results (the candidate's words and other
// words end a run); a run with a word an earlier query used is context (the bridge), not another name.
function resultNames(query: string, terms: readonly QueryTerm[], candidateKeys: ReadonlySet<string> | null, earlier: readonly Set<string>[]): string[] {
  const fromResult = new Set(terms.filter((term) => term.source.startsWith('result')).map((term) => termKey(term.term)));
  const names: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 0 && !run.some((token) => earlier.some((keys) => keys.has(termKey(token))))) names.push(run.join(' '));
    run = [];
  };
  for (const token of tokenize(query)) {
    const key = termKey(token);
    if (fromResult.has(key) && !candidateKeys?.has(key)) run.push(token);
    else flush();
  }
  flush();
  return names;
}

// A lower-case word the agent adds ("discovery", "father") rewords its query; a name or number it adds
// ("Qutub Minar", "1783") is something it searches for without having read it.
function broughtNames(query: string, terms: readonly QueryTerm[]): string[] {
  const names = nameTokens(query);
  return terms.filter((term) => term.source === 'nowhere' && names.has(term.term)).map((term) => term.term);
}

function withoutNumbers(keys: ReadonlySet<string>): Set<string> {
  return new Set([...keys].filter((key) => !isNumberTerm(key)));
}

// A final answer can be verified only when it names something the question does not (not yes/no, not one
// of the compared entities).
function candidateOf(answer: string | null, questionKeys: ReadonlySet<string>): string | null {
  if (answer === null) return null;
  const normalized = normalizeAnswer(answer);
  const terms = contentTerms(normalized);
  if (terms.length === 0 || terms.every((term) => questionKeys.has(term.key))) return null;
  return normalized;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
