/**
 * The reference study's published PASS@(k,T) values, drawn as marked points on figure 1 when
 * `--paper-reference` is given, so a reader can compare this run with the paper at a glance.
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
});

/** The published values and where they come from. */
export type PaperReference = z.infer<typeof PaperReferenceSchema>;

/** The study's values as shipped in `reports/reference/paper.json` (validated). */
export function loadPaperReference(): PaperReference {
  return PaperReferenceSchema.parse(raw);
}
