/**
 * How a simulated policy answers a conversation whose searches another policy made for it (the swap
 * experiment: forced tool calls with their results, then "The searches above were made for you."). Its
 * plan plays no part: it reads what the searches showed with its own reasoning skill, so the plan and
 * the reasoning of the swap are separable by construction (docs/serve.md, "Swapped searches"):
 *
 * - closed-book questions (and any task that names no gold paragraph): answered from memory, right with
 *   the policy's recall for the difficulty (`meta.difficulty` of a task read from a file; default medium);
 * - other questions: when every gold paragraph of the task was shown, the policy takes the right value
 *   with probability `integration`; otherwise — evidence missing, or misread — it answers another value
 *   the paragraphs show (never a gold answer), or gives up when they show none.
 *
 * So the expected accuracy of plan p read by policy r is R_p · integration_r, with R_p the share of p's
 * searches that showed every gold paragraph.
 */
import type { Rng } from '../../analyses/random/rng';
import { exactMatch } from '../../analyses/text/exact-match';
import { normalizeAnswer } from '../../analyses/text/normalize';
import { capitalizedRuns } from '../environment/hotpotqa/question-analysis';
import type { Difficulty, SimTask } from '../environment/tasks/sim-task';
import { recall } from '../simulate/plans/closed-book-plans';
import type { CompiledPolicy } from '../simulate/compiled-policy';
import type { NextAction } from './replay';

/** The reasoning the simulator writes before answering swapped searches. */
export const TRANSCRIPT_REASONING = {
  memory: 'The paragraphs do not hold this; answering from memory.',
  complete: 'The searches found the paragraphs the question needs; reading the answer from them.',
  incomplete: 'The searches did not find every paragraph the question needs; answering from what they show.',
} as const;

/** True when the shown paragraphs (corpus positions) include every gold document of the task (by id or title). */
export function showsEvidence(task: SimTask, shown: readonly number[]): boolean {
  const gold = task.row.gold_docs;
  if (gold.length === 0) return false;
  const keys = new Set(shown.flatMap((index) => {
    const doc = task.row.docs[index]!;
    return [doc.id, normalizeAnswer(doc.title)];
  }));
  return gold.every((entry) => keys.has(entry) || keys.has(normalizeAnswer(entry)));
}

// Values a reader could take from the paragraphs: capitalized names and numbers, none of them a gold answer.
function wrongValues(task: SimTask, shown: readonly number[]): string[] {
  const values = new Set<string>();
  for (const index of new Set(shown)) {
    const text = task.row.docs[index]!.text;
    for (const value of [...capitalizedRuns(text), ...(text.match(/\b\d[\d,]*\b/g) ?? [])]) if (!exactMatch(value, task.row.answers)) values.add(value);
  }
  return [...values].sort();
}

/** The answer of `policy` to the searches a conversation holds, read with its own skill. */
export function readTranscript(task: SimTask, shown: readonly number[], policy: CompiledPolicy, rng: Rng): NextAction {
  if (task.plans === 'closed-book' || task.row.gold_docs.length === 0) {
    const meta = task.row.meta as { difficulty?: Difficulty } | undefined;
    const difficulty: Difficulty = task.truth?.family === 'closed-book' ? task.truth.difficulty : (meta?.difficulty ?? 'medium');
    return { kind: 'answer', answer: recall(task.row.answers[0]!, difficulty, policy.config.recall[difficulty], rng), reasoning: TRANSCRIPT_REASONING.memory };
  }
  const evidence = showsEvidence(task, shown);
  if (evidence && rng.next() < policy.config.integration) return { kind: 'answer', answer: task.row.answers[0]!, reasoning: TRANSCRIPT_REASONING.complete };
  const wrong = wrongValues(task, shown);
  return { kind: 'answer', answer: wrong.length > 0 ? wrong[rng.int(wrong.length)]! : null, reasoning: evidence ? TRANSCRIPT_REASONING.complete : TRANSCRIPT_REASONING.incomplete };
}
