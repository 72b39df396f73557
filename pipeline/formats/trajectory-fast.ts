/**
 * A hand-written check of the common, valid trajectory record — the hot path of ingest. It accepts only
 * what `TrajectorySchema` accepts and returns what the schema would (known fields only, unknown ones
 * dropped); anything it is not sure of returns undefined, and the caller asks the schema, which then
 * accepts the record or explains the reject exactly as before. Keep it in step with trajectory.ts:
 * `test/pipeline/formats/trajectory-fast.test.ts` checks the two against each other.
 */
import type { Step, Trajectory } from './trajectory';
import { TRACE_KINDS } from './trajectory';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const optionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

/** The record as the schema would parse it, or undefined when only the schema can tell. */
export function fastTrajectory(data: unknown): Trajectory | undefined {
  if (!isObject(data)) return undefined;
  const { policy, task, sample, budget, steps, answer, correct, score, id, trace, meta } = data;
  if (typeof policy !== 'string' || policy.length === 0 || typeof task !== 'string' || task.length === 0) return undefined;
  if ((sample !== undefined && !isCount(sample)) || (budget !== undefined && !isCount(budget))) return undefined;
  if (!Array.isArray(steps)) return undefined;
  if (answer !== undefined && answer !== null && typeof answer !== 'string') return undefined;
  if (correct !== undefined && typeof correct !== 'boolean') return undefined;
  if (score !== undefined && !(typeof score === 'number' && score >= 0 && score <= 1)) return undefined;
  if (id !== undefined && !(typeof id === 'string' && id.length > 0)) return undefined;
  if (trace !== undefined && !(TRACE_KINDS as readonly unknown[]).includes(trace)) return undefined;
  if (meta !== undefined && !isObject(meta)) return undefined;
  const parsedSteps: Step[] = [];
  for (const step of steps) {
    const parsed = fastStep(step);
    if (!parsed) return undefined;
    parsedSteps.push(parsed);
  }
  const out: Json = { policy, task };
  if (sample !== undefined) out.sample = sample;
  if (budget !== undefined) out.budget = budget;
  out.steps = parsedSteps;
  if (answer !== undefined) out.answer = answer;
  if (correct !== undefined) out.correct = correct;
  if (score !== undefined) out.score = score;
  if (id !== undefined) out.id = id;
  if (trace !== undefined) out.trace = trace;
  // Free-form: kept as parsed, like JsonObjectSchema.
  if (meta !== undefined) out.meta = meta;
  return out as Trajectory;
}

function fastStep(step: unknown): Step | undefined {
  if (!isObject(step)) return undefined;
  switch (step.type) {
    case 'think':
    case 'answer':
      return typeof step.text === 'string' ? { type: step.type, text: step.text } : undefined;
    case 'call': {
      const { tool, args, round } = step;
      if (typeof tool !== 'string' || !(typeof args === 'string' || isObject(args))) return undefined;
      if (round !== undefined && !(typeof round === 'number' && Number.isSafeInteger(round))) return undefined;
      return round === undefined ? { type: 'call', tool, args } : { type: 'call', tool, args, round };
    }
    case 'result': {
      const { tool, text, docs } = step;
      if (typeof tool !== 'string' || typeof text !== 'string') return undefined;
      if (docs === undefined) return { type: 'result', tool, text };
      if (!Array.isArray(docs)) return undefined;
      const parsedDocs: { id?: string; title?: string; text: string }[] = [];
      for (const doc of docs) {
        if (!isObject(doc) || typeof doc.text !== 'string' || !optionalString(doc.id) || !optionalString(doc.title)) return undefined;
        parsedDocs.push({
          ...(doc.id !== undefined ? { id: doc.id as string } : {}),
          ...(doc.title !== undefined ? { title: doc.title as string } : {}),
          text: doc.text,
        });
      }
      return { type: 'result', tool, text, docs: parsedDocs };
    }
    case 'message':
      return typeof step.role === 'string' && typeof step.text === 'string' ? { type: 'message', role: step.role, text: step.text } : undefined;
    default:
      return undefined;
  }
}
