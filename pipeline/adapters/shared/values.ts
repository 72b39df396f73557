/**
 * Reading verdicts, scores and ids out of other tools' records, where the same fact may be a
 * boolean, a number, or a string such as "True", "1.0" or Inspect's "C".
 */

/** A parsed verdict or the reason it could not be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const TRUE_WORDS = new Set(['true', 'yes', 'correct']);
const FALSE_WORDS = new Set(['false', 'no', 'incorrect']);

/**
 * A number from a number or a numeric string ("1.0"), or from true/false-like words (true = 1);
 * anything else is a reason.
 */
export function toNumber(value: unknown, what: string): Parsed<number> {
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
  if (typeof value === 'boolean') return { ok: true, value: value ? 1 : 0 };
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (TRUE_WORDS.has(text)) return { ok: true, value: 1 };
    if (FALSE_WORDS.has(text)) return { ok: true, value: 0 };
    if (text !== '' && Number.isFinite(Number(text))) return { ok: true, value: Number(text) };
  }
  return { ok: false, reason: `${what} is ${describe(value)}, not a number or true/false` };
}

/** A verdict: booleans as they are, true/false-like words, or a number compared with the threshold. */
export function toVerdict(value: unknown, threshold: number, what: string): Parsed<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  const number = toNumber(value, what);
  if (!number.ok) return number;
  return { ok: true, value: number.value >= threshold };
}

/** The value as a score in [0, 1], or undefined when it is not one. */
export function unitScore(value: number): number | undefined {
  return value >= 0 && value <= 1 ? value : undefined;
}

/** A task id from a string or an integer; undefined for anything else (or an empty string). */
export function toId(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return undefined;
}

/** A non-negative integer (sample index) from a number or a numeric string. */
export function toIndex(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 ? number : undefined;
}

/** Gold answers from a string or an array of strings (other entries are skipped). */
export function toAnswers(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === 'string');
  return [];
}

/** A short description of a value for reject reasons. */
export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** The top-level keys of a record for reject reasons (`example_id, reward, …`), so a reason says what was found. */
export function describeKeys(record: object): string {
  const keys = Object.keys(record);
  if (keys.length === 0) return 'no fields';
  return `fields ${keys.slice(0, 12).join(', ')}${keys.length > 12 ? `, … (${keys.length} in all)` : ''}`;
}
