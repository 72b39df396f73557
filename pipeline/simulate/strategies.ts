/**
 * The strategy labels of ../shared/spec/TAXONOMY.md and which of them a policy can plan on each task
 * family. `exhausted` is never planned: it is what an episode becomes when it stops without an answer.
 */
import type { Family } from '../environment/tasks/sim-task';

/** The taxonomy labels, in the taxonomy's precedence order. */
export const STRATEGIES = ['exhausted', 'no-search', 'verify', 'sequential', 'parallel', 'reformulate', 'single-shot'] as const;
/** A taxonomy label. */
export type Strategy = (typeof STRATEGIES)[number];

/** The strategies a policy can plan per family (a bridge question names one entity: nothing to parallelise). */
export const PLANNABLE: Record<Family, readonly Strategy[]> = {
  bridge: ['no-search', 'single-shot', 'sequential', 'reformulate', 'verify'],
  // A comparison's answer is one of the question's entities: there is no new candidate to verify.
  comparison: ['no-search', 'single-shot', 'parallel', 'reformulate'],
  'closed-book': ['no-search', 'single-shot', 'reformulate'],
};
