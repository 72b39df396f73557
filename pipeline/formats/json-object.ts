import { z } from 'zod';

/**
 * A JSON object kept exactly as parsed, every key included. zod's `record` copies keys by assignment,
 * and assigning `__proto__` sets the copy's prototype instead of keeping the key: `meta` would lose it.
 */
export const JsonObjectSchema = z.custom<Record<string, unknown>>(
  (value) => value !== null && typeof value === 'object' && !Array.isArray(value),
  { message: 'Invalid input: expected an object' },
);
