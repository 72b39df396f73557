/** The generic strategy of a non-search agent: its tool-call signature. */

/** What the signature of an episode without any tool call is. */
export const NO_CALLS_SIGNATURE = '(no calls)';

/** Ordered tool names with consecutive repeats collapsed, joined by `>` (e.g. `get_user>get_reservation>cancel`). */
export function toolSignature(tools: readonly string[]): string {
  const collapsed: string[] = [];
  for (const tool of tools) if (collapsed[collapsed.length - 1] !== tool) collapsed.push(tool);
  return collapsed.length === 0 ? NO_CALLS_SIGNATURE : collapsed.join('>');
}
