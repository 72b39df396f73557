/**
 * What the simulator reads from a conversation, as a model reads its context: the question, the
 * searches already made with the paragraphs they showed, whether it may search again, which protocol
 * to answer in, and whether the searches were made for it (a swap). Invalid turns (a malformed call
 * answered by an error, a reply with no action) are skipped: they showed the model nothing.
 */
import { NO_MORE_SEARCHES, QUESTION_PREFIX, SEARCHES_GIVEN, TOOL_ERROR_PREFIX } from '../chat-protocol/prompts';
import { shownDocs } from '../chat-protocol/search-results';
import { parseTagged } from '../chat-protocol/tags';
import { SEARCH_TOOL } from '../environment/search/search-tool';
import type { TaskDoc } from '../formats/task';
import { contentText, type ChatMessage, type ChatRequest } from './chat-request';

/** One search the conversation holds: its query and the corpus positions of the paragraphs it showed. */
export interface PastCall {
  query: string;
  docs: number[];
}

/** The state of an episode as its conversation shows it. */
export interface Conversation {
  calls: PastCall[];
  /** A search is offered and no notice said the budget is spent. */
  canSearch: boolean;
  /** Answer with tool calls (the search tool is offered as a function) rather than tags. */
  toolCalls: boolean;
  /** The searches were made for the model (a swap): it answers from what they showed (transcript-reading.ts). */
  given: boolean;
}

/** The question of a conversation: the first user message, without the "Question: " prefix. */
export function questionOf(messages: readonly ChatMessage[]): string | null {
  const first = messages.find((message) => message.role === 'user');
  if (!first) return null;
  const text = contentText(first);
  const line = text.split('\n').find((l) => l.startsWith(QUESTION_PREFIX));
  return (line ? line.slice(QUESTION_PREFIX.length) : text).trim();
}

/** Reads a request's conversation against the task's corpus. */
export function readConversation(request: ChatRequest, corpus: readonly TaskDoc[]): Conversation {
  const { messages } = request;
  const toolCalls = (request.tools ?? []).some((tool) => tool.function.name === SEARCH_TOOL);
  const system = messages.find((message) => message.role === 'system' || message.role === 'developer');
  const offered = toolCalls ? request.tool_choice !== 'none' : system !== undefined && contentText(system).includes('<search>');
  const notices = messages.filter((message) => message.role === 'user' || message.role === 'tool').map(contentText);
  const spent = notices.some((text) => text.includes(NO_MORE_SEARCHES));
  const given = notices.some((text) => text.includes(SEARCHES_GIVEN));

  const toolReplies = new Map<string, string>();
  for (const message of messages) if (message.role === 'tool') toolReplies.set(message.tool_call_id, contentText(message));
  const calls: PastCall[] = [];
  messages.forEach((message, index) => {
    if (message.role !== 'assistant') return;
    for (const call of message.tool_calls ?? []) {
      const reply = toolReplies.get(call.id);
      if (reply === undefined || reply.startsWith(TOOL_ERROR_PREFIX)) continue;
      calls.push({ query: queryOf(call.function.arguments), docs: shownDocs(reply, corpus) });
    }
    if (toolCalls) return;
    const action = parseTagged(contentText(message));
    const next = messages[index + 1];
    if (action.kind === 'search' && next?.role === 'user' && contentText(next).includes('<information>')) {
      calls.push({ query: action.query, docs: shownDocs(contentText(next), corpus) });
    }
  });
  return { calls, canSearch: offered && !spent && !given, toolCalls, given };
}

function queryOf(args: string): string {
  try {
    const parsed = JSON.parse(args) as { query?: unknown };
    return typeof parsed.query === 'string' ? parsed.query : args;
  } catch {
    return args;
  }
}
