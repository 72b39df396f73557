/**
 * A simulated policy's lexicon: the words it is inclined to write, with probabilities. Each query
 * phrasing it may pick contributes in proportion to how often it picks it: the phrasing's literal words
 * ("of") and, for the placeholders that stand for a task's relation, attribute, role or type, the words
 * the task templates put there ("director", "nationality", "film director"…), spread evenly over the
 * templates. Half the mass goes to the answer/search format every policy writes. Names ({E}, {B}, the
 * question) are not in it: the copy part of the scoring model covers them. So a policy that often names
 * the bridge's role (RL's bridge_role phrasing) finds role words familiar, one that never does does not.
 */
import { BRIDGE_TEMPLATES, COMPARISON_TEMPLATES } from '../../environment/tasks/templates';
import { FAMILIES, type Family } from '../../environment/tasks/sim-task';
import { PHRASINGS } from '../../simulate/phrasings';
import { phrasingWeights, type PolicyConfig } from '../../simulate/policy-config';
import { pieceClass, pieces } from './pieces';

/** Share of the lexicon given to the format words (the rest goes to query words). */
const FORMAT_SHARE = 0.5;
const FORMAT_TEXT = '<answer></answer> <search></search>';

/** Probabilities of lower-cased pieces; they sum to 1. */
export type Lexicon = ReadonlyMap<string, number>;

// The words each task-vocabulary placeholder stands for, one entry per template.
const VOCABULARY: Record<Family, Record<string, readonly string[]>> = {
  bridge: {
    relation: BRIDGE_TEMPLATES.map((t) => t.relationWords),
    attribute: BRIDGE_TEMPLATES.map((t) => t.attributeWords),
    role: BRIDGE_TEMPLATES.map((t) => t.roleWords),
  },
  comparison: { attribute: COMPARISON_TEMPLATES.map((t) => t.attributeWords), type: COMPARISON_TEMPLATES.map((t) => t.typeWords) },
  'closed-book': {},
};

// White space is left to the background model: the gaps between placeholders say nothing about a policy.
function words(text: string): string[] {
  return pieces(text).filter((piece) => pieceClass(piece) !== 'space');
}

/** The lexicon of a policy. */
export function policyLexicon(policy: PolicyConfig): Lexicon {
  const mass = new Map<string, number>();
  const add = (piece: string, weight: number) => mass.set(piece.toLowerCase(), (mass.get(piece.toLowerCase()) ?? 0) + weight);
  let queryMass = 0;
  for (const family of FAMILIES) {
    const slots: Record<string, Record<string, string>> = PHRASINGS[family];
    for (const slot of Object.keys(slots)) {
      const weights = phrasingWeights(policy, family, slot);
      const total = Object.values(weights).reduce((sum, w) => sum + w, 0);
      for (const [name, weight] of Object.entries(weights)) {
        if (weight <= 0 || total <= 0) continue;
        const template = slots[slot]![name]!;
        // Each literal word and each vocabulary placeholder is one position of the query.
        const literal = words(template.replace(/\{\w+\}/g, ' '));
        const vocabularies = [...template.matchAll(/\{(\w+)\}/g)].flatMap((m) => (VOCABULARY[family][m[1]!] ? [VOCABULARY[family][m[1]!]!] : []));
        const positions = literal.length + vocabularies.length;
        if (positions === 0) continue;
        const share = weight / total / positions;
        for (const word of literal) add(word, share);
        for (const options of vocabularies) {
          for (const option of options) {
            const found = words(option);
            for (const word of found) add(word, share / options.length / found.length);
          }
        }
        queryMass += weight / total;
      }
    }
  }
  const lexicon = new Map<string, number>();
  for (const [piece, weight] of mass) lexicon.set(piece, ((1 - FORMAT_SHARE) * weight) / queryMass);
  const format = words(FORMAT_TEXT);
  for (const piece of format) {
    const key = piece.toLowerCase();
    lexicon.set(key, (lexicon.get(key) ?? 0) + (queryMass > 0 ? FORMAT_SHARE : 1) / format.length);
  }
  return lexicon;
}
