/**
 * Plans on closed-book questions: the tool's paragraphs never hold the answer, so every plan answers
 * from memory (recall accuracy by difficulty); searching only spends rounds.
 */
import type { Rng } from '../../../analyses/random/rng';
import type { Difficulty } from '../../environment/tasks/sim-task';
import type { Strategy } from '../strategies';
import { phrase, questionCall, type PlayContext } from './play-context';

/** An answer from memory: right with the recall probability, otherwise a near miss. */
export function recall(answer: string, difficulty: Difficulty, accuracy: number, rng: Rng): string {
  if (rng.next() < accuracy) return answer;
  const value = Number(answer);
  if (!Number.isFinite(value)) return `${answer}?`;
  const offset = 1 + rng.int(Math.max(9, Math.round(Math.abs(value) * (difficulty === 'hard' ? 0.1 : 0.02))));
  return String(rng.next() < 0.5 ? value + offset : Math.max(0, value - offset));
}

/** Plays one closed-book episode with a planned strategy. */
export function playClosedBook(ctx: PlayContext, strategy: Strategy): string | null {
  const { rec, rng, task, policy } = ctx;
  const difficulty: Difficulty = task.truth?.family === 'closed-book' ? task.truth.difficulty : 'medium';
  const searches = strategy === 'single-shot' ? 1 : strategy === 'reformulate' ? 2 : 0;
  const used = new Set<string>();
  for (let i = 0; i < searches && rec.canSearch; i++) {
    const drawn = phrase(ctx, strategy === 'reformulate' ? 'reformulate' : 'single_shot', {}, used);
    if (!drawn) break;
    used.add(drawn.name);
    rec.round([questionCall(ctx, drawn.query)]);
  }
  if (rec.queries.length < searches) rec.cut = true;
  return recall(task.row.answers[0]!, difficulty, policy.config.recall[difficulty], rng);
}
