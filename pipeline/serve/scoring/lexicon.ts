/**
 * A simulated policy's lexicon: the words it is inclined to write, with probabilities. Built from the
 * literal words of its query phrasings (weighted by how often it picks each phrasing) and the words of
 * the answer/search format every policy writes. Placeholders ({E}, {B}…) are filled from the question
 * and the results, which the copy part of the scoring model covers.
 */
import { FAMILIES } from '../../environment/tasks/sim-task';
import { PHRASINGS } from '../../simulate/phrasings';
import { phrasingWeights, type PolicyConfig } from '../../simulate/policy-config';
import { pieces } from './pieces';

/** Share of the lexicon given to the format words (the rest goes to phrasing words). */
const FORMAT_SHARE = 0.5;
const FORMAT_TEXT = '<answer></answer> <search></search>';

/** Probabilities of lower-cased pieces; they sum to 1. */
export type Lexicon = ReadonlyMap<string, number>;

/** The lexicon of a policy. */
export function policyLexicon(policy: PolicyConfig): Lexicon {
  const mass = new Map<string, number>();
  const add = (text: string, weight: number) => {
    const found = pieces(text);
    for (const piece of found) mass.set(piece.toLowerCase(), (mass.get(piece.toLowerCase()) ?? 0) + weight / found.length);
  };
  let phrasingMass = 0;
  for (const family of FAMILIES) {
    const slots: Record<string, Record<string, string>> = PHRASINGS[family];
    for (const slot of Object.keys(slots)) {
      const weights = phrasingWeights(policy, family, slot);
      const total = Object.values(weights).reduce((sum, w) => sum + w, 0);
      for (const [name, weight] of Object.entries(weights)) {
        const literal = slots[slot]![name]!.replace(/\{\w+\}/g, ' ');
        if (weight <= 0 || total <= 0 || pieces(literal).length === 0) continue;
        add(literal, weight / total);
        phrasingMass += weight / total;
      }
    }
  }
  // Scale the two parts to their shares so the lexicon sums to 1 whatever the phrasings hold.
  const scaled = new Map<string, number>();
  for (const [piece, weight] of mass) scaled.set(piece, phrasingMass > 0 ? ((1 - FORMAT_SHARE) * weight) / phrasingMass : 0);
  const format = pieces(FORMAT_TEXT);
  for (const piece of format) scaled.set(piece.toLowerCase(), (scaled.get(piece.toLowerCase()) ?? 0) + (phrasingMass > 0 ? FORMAT_SHARE : 1) / format.length);
  return scaled;
}
