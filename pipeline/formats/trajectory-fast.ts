/**
 * A hand-written check of the common, valid trajectory record — the hot path of ingest. It accepts only
 * what `TrajectorySchema` accepts, and returns the record itself: the schema's value but for unknown
 * fields, which it leaves in place instead of copying the record without them (ingest reads only the
 * known fields). Anything it is not sure of returns undefined, and the caller asks the schema, which
 * then accepts the record or explains the reject exactly as before. Keep it in step with trajectory.ts:
 * `test/pipeline/formats/trajectory-fast.test.ts` checks the two against each other.
 */
import type { Trajectory } from './trajectory';
import { TRACE_KINDS } from './trajectory';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const optionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

/** The record when the schema would accept it (unknown fields left in place), or undefined when only the schema can tell. */
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
  for (const step of steps) if (!commonStep(step)) return undefined;
  return data as Trajectory;
}

function commonStep(step: unknown): boolean {
  if (!isObject(step)) return false;
  switch (step.type) {
    case 'think':
    case 'answer':
      return typeof step.text === 'string';
    case 'call': {
      const { tool, args, round } = step;
      return typeof tool === 'string' && (typeof args === 'string' || isObject(args)) && (round === undefined || (typeof round === 'number' && Number.isSafeInteger(round)));
    }
    case 'result': {
      const { tool, text, docs } = step;
      if (typeof tool !== 'string' || typeof text !== 'string') return false;
      if (docs === undefined) return true;
      if (!Array.isArray(docs)) return false;
      for (const doc of docs) if (!isObject(doc) || typeof doc.text !== 'string' || !optionalString(doc.id) || !optionalString(doc.title)) return false;
      return true;
    }
    case 'message':
      return typeof step.role === 'string' && typeof step.text === 'string';
    default:
      return false;
  }
}
