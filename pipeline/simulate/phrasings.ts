/**
 * The query phrasings policies choose from, per family and plan step. A policy's config gives each a
 * weight; the texts are built only from the question's words, the bridge name read from a result
 * ({B}) and the candidate answer ({C}), so the strategy label of an episode follows from what it did.
 * Placeholders: {question} {keywords} {E} {E2} (question entities; {Ei} the entity of a parallel call)
 * {relation} {attribute} {role} {type} {B} {Blast} (the bridge's last word) {C}.
 */
import type { Family } from '../environment/tasks/sim-task';

/** Phrasing templates per family and plan step. */
export const PHRASINGS = {
  bridge: {
    single_shot: { question: '{question}', keywords: '{keywords}', entity_relation_attribute: '{E} {relation} {attribute}' },
    hop1: { entity: '{E}', entity_relation: '{E} {relation}', relation_of_entity: '{relation} of {E}', question: '{question}' },
    hop2: { bridge: '{B}', bridge_attribute: '{B} {attribute}', bridge_role: '{B} {role}', bridge_surname: '{Blast}' },
    reformulate: {
      question: '{question}',
      keywords: '{keywords}',
      entity: '{E}',
      entity_relation: '{E} {relation}',
      entity_attribute: '{E} {attribute}',
    },
    verify: { bridge_candidate: '{B} {C}', candidate_entity: '{C} {E} {relation}' },
  },
  comparison: {
    single_shot: { question: '{question}', keywords: '{keywords}', both: '{E} {E2}' },
    parallel: { entity: '{Ei}', entity_attribute: '{Ei} {attribute}', entity_type: '{Ei} {type}' },
    reformulate: { question: '{question}', keywords: '{keywords}', both: '{E} {E2}', both_attribute: '{E} {E2} {attribute}' },
  },
  'closed-book': {
    single_shot: { question: '{question}', keywords: '{keywords}' },
    reformulate: { question: '{question}', keywords: '{keywords}' },
  },
} as const satisfies Record<Family, Record<string, Record<string, string>>>;

/** The plan steps of a family that take a phrasing. */
export type PhrasingSlot<F extends Family> = keyof (typeof PHRASINGS)[F] & string;

/** Fills a phrasing template; missing values become empty and spaces are collapsed. */
export function renderPhrasing(template: string, values: Readonly<Record<string, string>>): string {
  return template
    .replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
