/**
 * How a simulated policy reads the paragraphs it retrieved. Two implementations: the world reader
 * (generated tasks: knows what each paragraph states) and the text reader (HotpotQA: heuristics on the
 * text). Skills are probabilities; the rng makes a reading a draw.
 */
import type { Rng } from '../../../analyses/random/rng';

/** A value read off the paragraphs. */
export interface Reading {
  value: string;
  /** Read off a paragraph about the entity sought (false: a distractor's value, taken for lack of one). */
  grounded: boolean;
}

/** How well a policy takes the right value among rivals (see readsRight). */
export interface ReadingSkill {
  integration: number;
  dilution: number;
}

/** The reading operations plans use. Paragraphs are given by their corpus positions. */
export interface Reader {
  /** The bridge entity's name read off the seen paragraphs; null when none is found. */
  bridge(seen: readonly number[], extraction: number, rng: Rng): string | null;
  /** The asked value (the bridge's attribute, or a compared entity's year) for the entity called `name`. */
  attribute(seen: readonly number[], name: string, skill: ReadingSkill, rng: Rng): Reading | null;
  /** The value that a paragraph about `name` among `docs` states, if one is there (verification). */
  stated(docs: readonly number[], name: string): string | null;
  /** Comparison: the answer given the values read for each question entity (null: unknown). */
  decide(values: readonly (string | null)[], rng: Rng): string;
  /** An answer without evidence. */
  guess(rng: Rng): string;
}

/**
 * The probability of taking the right value when `rivals` other values are in view (Luce's choice rule
 * with a dilution exponent): `integration` is the accuracy with two rivals in view (one search's worth
 * of distractors), none in view means no confusion, and each rival beyond weighs (rivals/2)^dilution,
 * so an episode that read more paragraphs is easier to confuse — the cost of decomposing.
 */
export function readsRight(integration: number, rivals: number, dilution = 1): number {
  if (rivals <= 0) return 1;
  return integration / (integration + (1 - integration) * (rivals / 2) ** dilution);
}
