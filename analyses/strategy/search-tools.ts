/** Which tool calls are searches: a call whose tool name contains one of the configured fragments. */

/** Tool-name fragments that mark a search tool by default (`search`, `search_pages`, `Retrieve`, `Lookup`…). */
export const DEFAULT_SEARCH_TOOLS: readonly string[] = ['search', 'retriev', 'lookup', 'look_up', 'bm25'];

/** Builds a predicate that tells whether a tool name is a search tool (case-insensitive substring match). */
export function searchToolMatcher(fragments: readonly string[] = DEFAULT_SEARCH_TOOLS): (tool: string) => boolean {
  const lowered = fragments.map((fragment) => fragment.toLowerCase()).filter(Boolean);
  return (tool) => {
    const name = tool.toLowerCase();
    return lowered.some((fragment) => name.includes(fragment));
  };
}
