import { normalizeAnswer } from './normalize';

/** Normalized exact match of a prediction against any of the gold aliases. */
export function exactMatch(prediction: string | null | undefined, golds: readonly string[]): boolean {
  if (prediction == null) return false;
  const predicted = normalizeAnswer(prediction);
  return golds.some((gold) => normalizeAnswer(gold) === predicted);
}
