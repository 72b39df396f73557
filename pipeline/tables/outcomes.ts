/** `outcomes.jsonl` (passkt): the per-task outcome counts (n episodes, c correct) of every policy, family and budget. */
import { z } from 'zod';
import type { Outcome } from '../../analyses/passkt/outcomes';
import { defineJsonlFile } from './json-file';

const OutcomeSchema = z.object({
  policy: z.string(),
  task: z.string(),
  family: z.string(),
  budget: z.union([z.literal('all'), z.number().int().min(0)]),
  mode: z.enum(['capped', 'thresholded']),
  n: z.number().int().min(1),
  c: z.number().int().min(0),
});

/** The declaration of `outcomes.jsonl`; each line is checked (c ≤ n) when read. */
export const outcomesFile = defineJsonlFile<Outcome>('outcomes.jsonl', (value) => {
  const parsed = OutcomeSchema.safeParse(value);
  if (!parsed.success) return `not an outcome row (${parsed.error.issues[0]?.message ?? 'invalid'})`;
  return parsed.data.c > parsed.data.n ? 'not an outcome row (c > n)' : null;
});
