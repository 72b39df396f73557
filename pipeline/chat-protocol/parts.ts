/**
 * A conversation whose texts say where they came from: each message's content (and each search call's
 * query) is made of parts, and a part belongs to a segment — the policy's `query`, its `reasoning`, its
 * `answer` — or to none (prompts, tool results, markup). The prompt scorer renders such a conversation
 * and assigns every token to the segment of the characters it covers.
 */
import type { TemplateMessage } from './templates/template';
/** The segments of the policy's generated text that surprisal is measured on. */
export const SEGMENTS = ['query', 'reasoning', 'answer'] as const;
/** A segment. */
export type Segment = (typeof SEGMENTS)[number];

/** A text and the segment it belongs to (null: excluded). */
export interface Part {
  text: string;
  segment: Segment | null;
}

/** A search call: its id and query (the arguments are `{"query": …}`). */
export interface SearchCall {
  id: string;
  name: string;
  query: string;
}

/** One message of a parted conversation. */
export interface PartedMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: Part[];
  /** An assistant's search calls. */
  toolCalls?: SearchCall[];
  /** A tool message: the call it answers. */
  toolCallId?: string;
}

/** A message's content text. */
export function contentOf(message: PartedMessage): string {
  return message.content.map((part) => part.text).join('');
}

/** The arguments of a search call, as the collector sends them. */
export function searchArguments(query: string): string {
  return JSON.stringify({ query });
}

/** The conversation in the OpenAI chat-completions request shape. */
export function chatMessages(messages: readonly PartedMessage[]): Record<string, unknown>[] {
  return messages.map((message) => {
    const content = contentOf(message);
    if (message.role === 'tool') return { role: 'tool', tool_call_id: message.toolCallId ?? '', content };
    if (message.role === 'assistant' && message.toolCalls && message.toolCalls.length > 0) {
      return {
        role: 'assistant',
        content: content === '' ? null : content,
        tool_calls: message.toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: searchArguments(call.query) } })),
      };
    }
    return { role: message.role, content };
  });
}

/** The conversation as a chat template reads it. */
export function templateMessages(messages: readonly PartedMessage[]): TemplateMessage[] {
  return messages.map((message) => ({
    role: message.role,
    content: contentOf(message),
    toolCalls: (message.toolCalls ?? []).map((call) => ({ name: call.name, arguments: searchArguments(call.query) })),
  }));
}
