import { answerTokens, normalizeAnswer } from './normalize';

const SPECIAL = new Set(['yes', 'no', 'noanswer']);

/**
 * Token F1 of one prediction against one gold answer, as HotpotQA's evaluation computes it:
 * yes/no/noanswer must match exactly, otherwise bag-of-tokens overlap.
 */
export function tokenF1(prediction: string, gold: string): number {
  const p = normalizeAnswer(prediction);
  const g = normalizeAnswer(gold);
  if ((SPECIAL.has(p) || SPECIAL.has(g)) && p !== g) return 0;
  const predicted = answerTokens(prediction);
  const expected = answerTokens(gold);
  const counts = new Map<string, number>();
  for (const token of expected) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of predicted) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(token, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / predicted.length;
  const recall = common / expected.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Best token F1 of a prediction over all gold aliases (0 when there is no prediction). */
export function bestF1(prediction: string | null | undefined, golds: readonly string[]): number {
  if (prediction == null || golds.length === 0) return 0;
  let best = 0;
  for (const gold of golds) best = Math.max(best, tokenF1(prediction, gold));
  return best;
}
