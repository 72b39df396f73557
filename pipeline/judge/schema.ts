/**
 * The judge's structured output: one taxonomy label and a short rationale. The zod schema validates every
 * answer (even from servers that claim to enforce the JSON schema); the JSON schema is what the server is asked for.
 */
import { z } from 'zod';
import { TAXONOMY_LABELS } from '../../analyses/strategy/rules';

/** What the judge must answer. */
export const JudgeVerdictSchema = z.object({
  label: z.enum(TAXONOMY_LABELS),
  rationale: z.string().max(4000),
});

/** A validated judge answer. */
export type JudgeVerdict = z.infer<typeof JudgeVerdictSchema>;

/** The JSON schema sent as `response_format` (strict mode: every property required, nothing else allowed). */
export function judgeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(JudgeVerdictSchema) as Record<string, unknown>;
  delete schema['$schema'];
  return { ...schema, additionalProperties: false, required: ['label', 'rationale'] };
}

/** Parses and validates the model's message content; returns the verdict or the reason it is unusable. */
export function parseVerdict(content: string | null | undefined): { ok: true; verdict: JudgeVerdict } | { ok: false; reason: string } {
  if (content == null || content.trim() === '') return { ok: false, reason: 'empty message content' };
  let data: unknown;
  try {
    data = JSON.parse(stripFence(content));
  } catch (error) {
    return { ok: false, reason: `not JSON (${(error as Error).message})` };
  }
  const parsed = JudgeVerdictSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: `does not match the schema (${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')})` };
  return { ok: true, verdict: parsed.data };
}

// Some servers wrap JSON in a Markdown code fence even in JSON mode.
function stripFence(text: string): string {
  const match = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(text);
  return match ? match[1]! : text;
}
