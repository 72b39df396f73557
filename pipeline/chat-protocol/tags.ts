/**
 * Reads tagged actions out of a model's text: the first `<search>` or `<answer>` decides the
 * action. A search may be left open at the end of the text, because generation stops at `</search>`
 * and servers leave the stop sequence out (OpenAI and vLLM both do). Text before the tag is reasoning.
 */

/** What one tagged reply does. */
export type TaggedAction =
  | { kind: 'search'; query: string; reasoning: string }
  | { kind: 'answer'; answer: string; reasoning: string }
  | { kind: 'none'; reasoning: string };

const SEARCH_OR_ANSWER = /<(search|answer)>/;
const ANSWER_ONLY = /<(answer)>/;

/**
 * The action of a reply. With `searchTags` false (the tools protocol, where searches are tool calls)
 * only `<answer>` counts.
 */
export function parseTagged(text: string, searchTags = true): TaggedAction {
  const open = (searchTags ? SEARCH_OR_ANSWER : ANSWER_ONLY).exec(text);
  if (!open) return { kind: 'none', reasoning: text.trim() };
  const tag = open[1] as 'search' | 'answer';
  const reasoning = text.slice(0, open.index).trim();
  const rest = text.slice(open.index + open[0].length);
  const close = rest.indexOf(`</${tag}>`);
  // An unclosed answer is taken to the end of the text only up to the next tag a model may have begun.
  const body = (close === -1 ? rest.split('<', 1)[0]! : rest.slice(0, close)).trim();
  return tag === 'search' ? { kind: 'search', query: body, reasoning } : { kind: 'answer', answer: body, reasoning };
}
