/** Tool-call n-grams of an episode: unigrams and bigrams of tool names, with start (^) and end ($) marks. */

/** Counts the unigrams and bigrams of a tool sequence (`search`, `^>search`, `search>search`, `search>$`). */
export function toolNgrams(tools: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (key: string): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const marked = ['^', ...tools, '$'];
  for (const tool of tools) bump(tool);
  for (let i = 0; i + 1 < marked.length; i++) bump(`${marked[i]}>${marked[i + 1]}`);
  return counts;
}
