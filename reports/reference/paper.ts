/**
 * The reference study's published values, drawn when `--paper-reference` is given so a reader can
 * compare this run with the paper at a glance: PASS@(k,T) points on figure 1, the perplexities of RL's
 * queries and reasoning under the base model on the surprisal figure, and the swap's finding in its caption.
 */
import { z } from 'zod';
import raw from './paper.json';

const PaperPoint = z.object({
  family: z.string(),
  budget: z.number().int().nonnegative(),
  k: z.number().int().positive(),
  policy: z.string(),
  pass: z.number().min(0).max(1),
});

const PaperReferenceSchema = z.object({
  citation: z.string(),
  label: z.string(),
  setting: z.string(),
  points: z.array(PaperPoint).min(1),
  /** Fig. 4a: perplexity per segment of one policy's episodes under a scorer. */
  surprisal: z.object({ scorer: z.string(), policy: z.string(), setting: z.string(), perplexity: z.record(z.string(), z.number().positive()) }),
  /** The swap experiment's finding, in words (the study gives no numbers per cell). */
  swap: z.object({ setting: z.string(), finding: z.string() }),
});

/** The published values and where they come from. */
export type PaperReference = z.infer<typeof PaperReferenceSchema>;

/** The study's values as shipped in `reports/reference/paper.json` (validated). */
export function loadPaperReference(): PaperReference {
  return PaperReferenceSchema.parse(raw);
}
