/**
 * Credentials never leave the process: every URL-like text that is persisted (run.json, manifests,
 * judge outputs) or printed passes through here. `scheme://user:secret@host` loses its user part and
 * secret-bearing query parameters (`api_key=`, `key=`, `token=`, …) lose their values.
 */

/** What replaces a credential. */
export const REDACTED = 'REDACTED';

// user[:password]@ right after a scheme's `//` (a path or query can hold an `@` without being credentials).
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi;
// key=value pairs of a query string whose name says it carries a secret.
const SECRET_PARAMETER = /([?&;](?:[a-z0-9_.-]*[_.-])?(?:api[_-]?key|key|token|access[_-]?token|auth|password|passwd|secret|sig|signature)=)[^&#\s"'<>]*/gi;

/** The text with URL credentials replaced by {@link REDACTED}. */
export function redactText(text: string): string {
  // Cheap pre-check: most strings hold neither marker.
  if (!text.includes('@') && !text.includes('=')) return text;
  return text.replace(URL_USERINFO, `$1${REDACTED}@`).replace(SECRET_PARAMETER, `$1${REDACTED}`);
}

/** A copy of a JSON-like value with every string (keys' values, array items) redacted. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    // defineProperty, not assignment: a `__proto__` key (carried in meta) stays a key.
    for (const [key, item] of Object.entries(value)) Object.defineProperty(copy, key, { value: redactDeep(item), enumerable: true, writable: true, configurable: true });
    return copy as T;
  }
  return value;
}
