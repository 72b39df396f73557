/**
 * The words of the agent loop, shared by the collector (which sends them) and the simulator server
 * (which reads them, as a model reads its prompt). Changing any text here changes what models see:
 * bump PROMPT_VERSION so a resumed collection refuses to mix episodes of two prompt versions.
 */

/** Recorded in every collected trajectory's `meta.collect.prompt`. */
export const PROMPT_VERSION = 'passkt-agent-v1';

/** The two ways a model can act: native tool calls, or Search-R1 style tags in its text. */
export const PROTOCOLS = ['tools', 'tags'] as const;
/** A protocol name. */
export type Protocol = (typeof PROTOCOLS)[number];

/** The user message that carries the question (the server finds the task by this prefix). */
export const QUESTION_PREFIX = 'Question: ';

/** Every "no more searches" notice contains this phrase; the simulator server stops searching when it sees it. */
export const NO_MORE_SEARCHES = 'No more searches are available.';

const ANSWER_FORMAT = 'Give the final answer inside <answer> and </answer>, as a short name, number, date or yes/no, e.g. <answer>Paris</answer>.';

/** The system prompt of an episode: which protocol, and whether a search is possible at all (T > 0). */
export function systemPrompt(protocol: Protocol, canSearch: boolean, topK: number): string {
  if (!canSearch) return `Answer the question from what you know; no search is available. ${ANSWER_FORMAT}`;
  if (protocol === 'tools') {
    return `Answer the question. You can call the search tool to find paragraphs; each search returns the ${topK} most relevant paragraphs. All calls in one message form one search round. ${ANSWER_FORMAT}`;
  }
  return (
    `Answer the question. You can search by writing <search> query </search>; the ${topK} most relevant paragraphs are then ` +
    `returned between <information> and </information>. Search as often as you need, one search per message. ${ANSWER_FORMAT}`
  );
}

/** The first user message. */
export function questionMessage(question: string): string {
  return `${QUESTION_PREFIX}${question}`;
}

/** Sent once the budget is spent: the model must answer now. */
export function budgetSpentNotice(rounds: number): string {
  return `You have used all ${rounds} search round${rounds === 1 ? '' : 's'}. ${NO_MORE_SEARCHES} ${ANSWER_FORMAT}`;
}

/**
 * The swap experiment's notice: another policy made the searches above (forced tool calls with their
 * results); the model now writes its reasoning and answer. The simulator server reads the phrase and
 * answers from the paragraphs shown (docs/serve.md, "Swapped searches").
 */
export const SEARCHES_GIVEN = 'The searches above were made for you.';

/** Sent after the forced searches of a swap: no more searches, answer now. */
export function givenSearchesNotice(): string {
  return `${SEARCHES_GIVEN} ${NO_MORE_SEARCHES} Reason about what they found, then ${ANSWER_FORMAT.charAt(0).toLowerCase()}${ANSWER_FORMAT.slice(1)}`;
}

/** What an invalid action was; each gets its own corrective message. */
export type InvalidAction = 'no-action' | 'bad-arguments' | 'unknown-tool' | 'empty-query' | 'search-after-budget';

/** The corrective message for an invalid action. */
export function correction(kind: InvalidAction, detail = ''): string {
  switch (kind) {
    case 'no-action':
      return `Your reply had neither a search nor an answer. ${ANSWER_FORMAT}`;
    case 'bad-arguments':
      return `${TOOL_ERROR_PREFIX} the search arguments are not a JSON object with a "query" string${detail ? ` (${detail})` : ''}. Call search with {"query": "your search terms"}.`;
    case 'unknown-tool':
      return `${TOOL_ERROR_PREFIX} there is no tool named ${JSON.stringify(detail)}; the only tool is search.`;
    case 'empty-query':
      return `${TOOL_ERROR_PREFIX} the search query is empty. Write the terms to search for.`;
    case 'search-after-budget':
      return `${TOOL_ERROR_PREFIX} ${NO_MORE_SEARCHES} ${ANSWER_FORMAT}`;
  }
}

/** Tool messages that report an error (not search results) start with this; the simulator skips them. */
export const TOOL_ERROR_PREFIX = 'Error:';

/** The search tool as an OpenAI function tool. */
export const SEARCH_TOOL_DEFINITION = {
  type: 'function',
  function: {
    name: 'search',
    description: 'Search the paragraphs available for this question (BM25). Returns the most relevant paragraphs with their titles.',
    parameters: {
      type: 'object',
      properties: { query: { type: 'string', description: 'the search terms' } },
      required: ['query'],
    },
  },
} as const;

/** Stop sequences of the tags protocol (Search-R1): generation ends at the first closed search. */
export const TAGS_STOP = ['</search>'] as const;
