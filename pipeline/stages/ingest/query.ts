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
