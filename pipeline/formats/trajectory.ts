import { z } from 'zod';
import { JsonObjectSchema } from './json-object';


/** A document returned by a tool; every field but `text` may be absent. */
export const ResultDocSchema = z.object({
  id: z.string().optional(),
  title: z.string().optional(),
  text: z.string(),
});

/** Model reasoning text. */
export const ThinkStepSchema = z.object({ type: z.literal('think'), text: z.string() });
/** One tool call; calls sharing a `round` were issued together. */
export const CallStepSchema = z.object({
  type: z.literal('call'),
  tool: z.string(),
  args: z.union([JsonObjectSchema, z.string()]),
  round: z.number().int().optional(),
});
/** What a tool returned. */
export const ResultStepSchema = z.object({
  type: z.literal('result'),
  tool: z.string(),
  text: z.string(),
  docs: z.array(ResultDocSchema).optional(),
});
/** A final answer. */
export const AnswerStepSchema = z.object({ type: z.literal('answer'), text: z.string() });
/** Any other turn (user simulator, system notice). */
export const MessageStepSchema = z.object({ type: z.literal('message'), role: z.string(), text: z.string() });

/** One step of an episode, discriminated by `type`. */
export const StepSchema = z.discriminatedUnion('type', [
  ThinkStepSchema,
  CallStepSchema,
  ResultStepSchema,
  AnswerStepSchema,
  MessageStepSchema,
]);

/** How much of an episode's steps the source kept (FORMAT.md `trace`); absent = `complete`. */
export const TRACE_KINDS = ['complete', 'partial', 'missing'] as const;
/** One of {@link TRACE_KINDS}. */
export type TraceKind = (typeof TRACE_KINDS)[number];

/** A line of `trajectories.jsonl`, exactly as spec/FORMAT.md defines it. */
export const TrajectorySchema = z.object({
  policy: z.string().min(1, 'policy must be a non-empty string'),
  task: z.string().min(1, 'task must be a non-empty string'),
  sample: z.number().int().min(0).optional(),
  budget: z.number().int().min(0).optional(),
  steps: z.array(StepSchema),
  answer: z.string().nullable().optional(),
  correct: z.boolean().optional(),
  score: z.number().min(0).max(1).optional(),
  id: z.string().min(1).optional(),
  trace: z.enum(TRACE_KINDS).optional(),
  meta: JsonObjectSchema.optional(),
});

/** A trajectory as written by users or adapters. */
export type Trajectory = z.infer<typeof TrajectorySchema>;
/** One step of a trajectory. */
export type Step = z.infer<typeof StepSchema>;
/** A tool call step. */
export type CallStep = z.infer<typeof CallStepSchema>;
/** A tool result step. */
export type ResultStep = z.infer<typeof ResultStepSchema>;
/** A document inside a tool result. */
export type ResultDoc = z.infer<typeof ResultDocSchema>;
