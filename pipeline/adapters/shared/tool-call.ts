/**
 * One tool call as chat formats record it: an OpenAI object `{id, function: {name, arguments}}`
 * (whose `arguments` is a JSON string), the same object serialized as a JSON string (verifiers), or
 * Inspect's `{id, function: "name", arguments: {...}}`.
 */
import { describe } from './values';

/** A tool call reduced to what a call step needs. */
export interface ToolCall {
  id: string | undefined;
  name: string;
  /** Parsed JSON object arguments, or the raw text when they are not a JSON object. */
  args: Record<string, unknown> | string;
}

/** Reads one tool-call entry; a reason string when it cannot be read. */
export function readToolCall(raw: unknown): ToolCall | string {
  let entry = raw;
  if (typeof entry === 'string') {
    try {
      entry = JSON.parse(entry);
    } catch {
      return `tool call ${describe(raw)} is a string but not JSON`;
    }
  }
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return `tool call is ${describe(entry)}, not an object`;
  const record = entry as Record<string, unknown>;
  const fn = record.function;
  const name = typeof fn === 'string' ? fn : isObject(fn) && typeof fn.name === 'string' ? fn.name : typeof record.name === 'string' ? record.name : undefined;
  if (name === undefined || name === '') return 'tool call has no function name';
  const rawArgs = isObject(fn) && fn.arguments !== undefined ? fn.arguments : record.arguments;
  return { id: typeof record.id === 'string' ? record.id : undefined, name, args: readArguments(rawArgs) };
}

// Models do emit arguments that are not valid JSON; they are kept as text rather than rejected.
function readArguments(raw: unknown): Record<string, unknown> | string {
  if (raw === undefined || raw === null) return {};
  if (isObject(raw)) return raw;
  if (typeof raw === 'string') {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isObject(parsed)) return parsed;
    } catch {
      // fall through: keep the text
    }
    return raw;
  }
  return JSON.stringify(raw);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
