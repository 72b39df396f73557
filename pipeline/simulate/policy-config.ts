/**
 * The schema of a simulated policy: the strategy mixture per family, the weights of the query
 * phrasings per plan step, and its skills. Every number of the default policies lives in
 * data/simulator.config.json (documented in docs/simulator.md).
 */
import { z } from 'zod';
import { FAMILIES, type Family } from '../environment/tasks/sim-task';
import { PHRASINGS } from './phrasings';
import { PLANNABLE } from './strategies';

const Probability = z.number().min(0).max(1);
const Weights = z.record(z.string(), z.number().min(0));

/** One policy's parameters. */
export const PolicyConfigSchema = z
  .object({
    description: z.string().default(''),
    /** Strategy weights per family (normalised when used). */
    mixture: z.object({ bridge: Weights, comparison: Weights, 'closed-book': Weights }).strict(),
    /** Phrasing weights per family and plan step; a step left out uses every phrasing equally. */
    phrasing: z
      .object({ bridge: z.record(z.string(), Weights), comparison: z.record(z.string(), Weights), 'closed-book': z.record(z.string(), Weights) })
      .partial()
      .strict()
      .default({}),
    /** Probability of reading the right bridge entity off the first paragraph when it was retrieved. */
    bridgeExtraction: Probability,
    /** Probability of taking the asked value from the right paragraph rather than a distractor's, when both are in view. */
    integration: Probability,
    /**
     * Probability that a query is replaced by 2–4 random words of the task's paragraphs that the question
     * does not contain (a query-quality knob for planted-truth experiments; 0 in the shipped policies).
     */
    queryNoise: Probability.default(0),
    /** How fast reading gets worse with more rival values in view (0: not at all; see readsRight). */
    dilution: z.number().min(0),
    /** Closed-book recall accuracy per difficulty (answering from memory). */
    recall: z.object({ easy: Probability, medium: Probability, hard: Probability }).strict(),
    /** Probability of stopping without an answer when the budget cuts the plan before any evidence was found. */
    giveUp: Probability,
  })
  .strict()
  .superRefine((policy, ctx) => {
    for (const family of FAMILIES) {
      const mixture = policy.mixture[family];
      let total = 0;
      for (const [strategy, weight] of Object.entries(mixture)) {
        total += weight;
        if (!(PLANNABLE[family] as readonly string[]).includes(strategy)) {
          ctx.addIssue({
            code: 'custom',
            path: ['mixture', family, strategy],
            message: `strategy "${strategy}" cannot be planned on ${family} tasks (allowed: ${PLANNABLE[family].join(', ')})`,
          });
        }
      }
      if (total <= 0) ctx.addIssue({ code: 'custom', path: ['mixture', family], message: 'the mixture needs a positive weight' });
      const slots: Record<string, Record<string, string>> = PHRASINGS[family];
      for (const [slot, weights] of Object.entries(policy.phrasing[family] ?? {})) {
        const known = slots[slot];
        if (!known) {
          ctx.addIssue({ code: 'custom', path: ['phrasing', family, slot], message: `unknown plan step (known: ${Object.keys(slots).join(', ')})` });
          continue;
        }
        let sum = 0;
        for (const [name, weight] of Object.entries(weights)) {
          sum += weight;
          if (!(name in known)) {
            ctx.addIssue({ code: 'custom', path: ['phrasing', family, slot, name], message: `unknown phrasing (known: ${Object.keys(known).join(', ')})` });
          }
        }
        if (sum <= 0) ctx.addIssue({ code: 'custom', path: ['phrasing', family, slot], message: 'the phrasing weights need a positive weight' });
      }
    }
  });

/** A policy's parameters as written in the config. */
export type PolicyConfig = z.infer<typeof PolicyConfigSchema>;

/** The phrasing weights of one plan step of one family (uniform when the config leaves it out). */
export function phrasingWeights(policy: PolicyConfig, family: Family, slot: string): Record<string, number> {
  const given = policy.phrasing[family]?.[slot];
  if (given) return given;
  const slots: Record<string, Record<string, string>> = PHRASINGS[family];
  return Object.fromEntries(Object.keys(slots[slot] ?? {}).map((name) => [name, 1]));
}
