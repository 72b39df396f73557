import type { EpisodeRow, EpisodeTrace, TraceStep } from '../../../analyses/episode';
import { exactMatch } from '../../../analyses/text/exact-match';
import { bestF1 } from '../../../analyses/text/f1';
import { normalizeAnswer, normalizeStripped, stripPunctuation } from '../../../analyses/text/normalize';
import { episodeId } from '../../formats/episode-id';
import type { Trajectory } from '../../formats/trajectory';
import { argumentsKey, queryText } from './query';
import { assignRounds } from './rounds';
import type { IndexedTask } from './task-index';

/** The resolved episode: its compact row, its slim trace, and how many of its tool results carried documents. */
export interface ResolvedEpisode {
  row: EpisodeRow;
  trace: EpisodeTrace;
  documents: ResultDocuments;
}

/** Tool results of an episode, and how many of them carried documents (`result.docs`). */
export interface ResultDocuments {
  results: number;
  withDocs: number;
}

/**
 * Resolves a valid trajectory's defaults (FORMAT.md): answer = last answer step, correct = normalized
 * exact match, score = token F1, rounds, id; and measures what its tools retrieved.
 * Returns a reason string when the episode cannot be scored.
 */
export function resolveEpisode(
  trajectory: Trajectory,
  task: IndexedTask,
  sample: number | null,
  /** For an episode without `sample`: its order of appearance in its cell, used in the default id. */
  arrival?: number,
): ResolvedEpisode | string {
  const { row: taskRow } = task;
  const budget = trajectory.budget ?? null;
  const answerStep = [...trajectory.steps].reverse().find((step) => step.type === 'answer');
  const answer = trajectory.answer !== undefined ? trajectory.answer : answerStep?.type === 'answer' ? answerStep.text : null;
  let correct = trajectory.correct;
  if (correct === undefined) {
    if (taskRow.answers.length === 0) {
      return `no "correct" verdict and task "${taskRow.task}" has no gold answers to score it against`;
    }
    correct = exactMatch(answer, taskRow.answers);
  }
  const score = trajectory.score ?? (taskRow.answers.length > 0 ? bestF1(answer, taskRow.answers) : null);
  const { roundOf, rounds } = assignRounds(trajectory.steps);

  const steps: TraceStep[] = [];
  const foundGold = new Set<number>();
  const documents: ResultDocuments = { results: 0, withDocs: 0 };
  let answerInResults = false;
  let calls = 0;
  trajectory.steps.forEach((step, index) => {
    if (step.type === 'call') {
      calls += 1;
      const args = argumentsKey(step.args);
      steps.push({ type: 'call', tool: step.tool, query: queryText(step.args), round: roundOf[index]!, ...(args !== undefined ? { args } : {}) });
    } else if (step.type === 'result') {
      const docs = step.docs ?? [];
      documents.results += 1;
      if (docs.length > 0) documents.withDocs += 1;
      for (const doc of docs) {
        const byId = doc.id !== undefined ? task.row.gold_docs.indexOf(doc.id) : -1;
        if (byId !== -1) foundGold.add(byId);
        for (const name of [doc.title, doc.id]) {
          const byTitle = name !== undefined && task.goldTitles.size > 0 ? task.goldTitles.get(normalizedName(name)) : undefined;
          if (byTitle !== undefined) foundGold.add(byTitle);
        }
      }
      if (!answerInResults && task.normalizedAnswers.length > 0) answerInResults = containsAnswer(step.text, docs, task.normalizedAnswers);
      steps.push({
        type: 'result',
        tool: step.tool,
        text: step.text,
        titles: docs.map((doc) => doc.title ?? ''),
        ids: docs.map((doc) => doc.id ?? ''),
      });
    } else if (step.type === 'answer') {
      steps.push({ type: 'answer', text: step.text });
    }
  });

  // Episodes without `sample` are numbered `#0, #1, …` by arrival, a namespace apart from given samples,
  // so an unnumbered episode never takes the default id of a numbered one.
  const id = episodeId(trajectory.id, trajectory.policy, taskRow.task, budget, sample, arrival ?? 0);
  // Without a trace nothing is known about what the tools returned: null, not "missed".
  const traced = trajectory.trace !== 'missing';
  const incomplete = trajectory.trace === 'partial' || trajectory.trace === 'missing' ? { trace: trajectory.trace } : {};
  const row: EpisodeRow = {
    id,
    policy: trajectory.policy,
    task: taskRow.task,
    family: taskRow.family,
    budget,
    sample,
    rounds,
    calls,
    answered: answer !== null && answer !== undefined,
    correct,
    score,
    gold_total: taskRow.gold_docs.length,
    gold_retrieved: foundGold.size,
    answer_in_results: traced && task.normalizedAnswers.length > 0 ? answerInResults : null,
    ...incomplete,
  };
  const trace: EpisodeTrace = {
    id,
    policy: row.policy,
    task: row.task,
    family: row.family,
    budget,
    rounds,
    answer: answer ?? null,
    correct,
    ...(trajectory.meta ? { meta: trajectory.meta } : {}),
    ...incomplete,
    steps,
  };
  return { row, trace, documents };
}

// Document titles and ids recur across a task's episodes: each is normalized once (a bounded cache).
const NAME_CACHE_LIMIT = 100_000;
const normalizedNames = new Map<string, string>();

function normalizedName(name: string): string {
  let normalized = normalizedNames.get(name);
  if (normalized === undefined) {
    normalized = normalizeAnswer(name);
    if (name.length <= 256) {
      if (normalizedNames.size >= NAME_CACHE_LIMIT) normalizedNames.clear();
      normalizedNames.set(name, normalized);
    }
  }
  return normalized;
}

// Word-bounded containment of a normalized answer in the normalized result text or its documents.
function containsAnswer(text: string, docs: readonly { text: string; title?: string }[], answers: readonly string[]): boolean {
  const haystacks = [text, ...docs.map((doc) => `${doc.title ?? ''} ${doc.text}`)];
  for (const haystack of haystacks) {
    // Cheap exact pre-filter: every token of a normalized answer is a substring of the lower-cased text
    // with punctuation removed, so when no answer passes, full normalization cannot match either.
    const stripped = stripPunctuation(haystack.toLowerCase());
    const candidates = answers.filter((answer) => answer.split(' ').every((token) => stripped.includes(token)));
    if (candidates.length === 0) continue;
    // normalizeAnswer(haystack), from the stripped text already made.
    const normalized = ` ${normalizeStripped(stripped)} `;
    if (candidates.some((answer) => normalized.includes(` ${answer} `))) return true;
  }
  return false;
}
