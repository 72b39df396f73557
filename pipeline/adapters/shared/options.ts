/** Adapter option values with their defaults, and the common scalar-field snapshot kept in `meta`. */
import { ConfigError } from '../../errors';
import type { AdapterContext, AdapterOption } from '../types';

/** The option's value for this import, or the adapter's documented default. */
export function option(context: AdapterContext, spec: AdapterOption): string {
  return context.options[spec.key] ?? spec.default;
}

/** A numeric option (e.g. a success threshold); a ConfigError when it is not a number. */
export function numericOption(context: AdapterContext, spec: AdapterOption): number {
  const text = option(context, spec);
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new ConfigError(`import option ${spec.key}="${text}" is not a number.`, `${spec.key}: ${spec.description}`);
  }
  return value;
}

/** An option restricted to a few words; a ConfigError naming them otherwise. */
export function choiceOption<T extends string>(context: AdapterContext, spec: AdapterOption, choices: readonly T[]): T {
  const text = option(context, spec);
  if (!(choices as readonly string[]).includes(text)) {
    throw new ConfigError(`import option ${spec.key}="${text}" is not one of ${choices.join(', ')}.`, `${spec.key}: ${spec.description}`);
  }
  return text as T;
}

const MAX_FIELD_CHARS = 200;

/**
 * The record's top-level scalar fields (numbers, booleans, strings up to 200 characters), kept in
 * `meta.fields` so a source's own bookkeeping (e.g. verifiers' `total_tool_calls`) survives the import.
 */
export function scalarFields(record: unknown): Record<string, string | number | boolean> {
  const fields: Record<string, string | number | boolean> = {};
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return fields;
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
    else if (typeof value === 'string' && value.length <= MAX_FIELD_CHARS) fields[key] = value;
  }
  return fields;
}
