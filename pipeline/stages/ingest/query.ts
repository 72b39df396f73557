/** Keys that hold a search query in tool-call arguments, most specific first. */
const QUERY_KEYS = ['query', 'q', 'search_query', 'search', 'keywords', 'text', 'input', 'entity', 'title'];

/**
 * The text a tool call searched for: the string argument itself, the first query-like key of an
 * argument object, or the object's JSON when none fits (so nothing silently becomes empty).
 */
export function queryText(args: string | Record<string, unknown>): string {
  if (typeof args === 'string') return args;
  for (const key of QUERY_KEYS) {
    const value = args[key];
    if (typeof value === 'string') return value;
  }
  const strings = Object.values(args).filter((value): value is string => typeof value === 'string');
  if (strings.length === 1) return strings[0]!;
  return JSON.stringify(args);
}

/**
 * The arguments as canonical JSON (keys sorted) when the query text does not show all of them (an
 * object with several keys), so two calls with different arguments stay different targets; undefined
 * when the query text is the whole argument.
 */
export function argumentsKey(args: string | Record<string, unknown>): string | undefined {
  if (typeof args === 'string' || Object.keys(args).length <= 1) return undefined;
  return JSON.stringify(sortedKeys(args));
}

// Key order is the writer's accident: {a, b} and {b, a} are the same arguments.
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, sortedKeys(record[key])]));
}
