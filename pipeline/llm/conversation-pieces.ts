/**
 * The texts of a conversation as the token aligner looks for them (align-tokens.ts): in the order a chat
 * template writes them (each message's content, then its tool calls), with their segments. Two forms:
 * the pieces alone, for a server that renders the conversation with its own template (chat completions),
 * and the whole text we render ourselves with a template, cut into pieces that cover it (completions).
 */
import { SEARCH_TOOL_DEFINITION } from '../chat-protocol/prompts';
import { templateMessages, type PartedMessage, type Segment } from '../chat-protocol/parts';
import type { ChatTemplate } from '../chat-protocol/templates/template';
import type { AlignPiece } from './align-tokens';

/** A query as it appears inside JSON arguments (quotes and backslashes escaped), and other spellings templates use. */
export function querySpellings(query: string): { text: string; alternatives: string[] } {
  const escaped = JSON.stringify(query).slice(1, -1);
  const ascii = escaped.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return { text: escaped, alternatives: [...new Set([query, ascii])].filter((spelling) => spelling !== escaped) };
}

/** The tools a conversation's request offers: the search tool when the policy searched with tool calls. */
export function offeredTools(tools: boolean): unknown[] {
  return tools ? [SEARCH_TOOL_DEFINITION] : [];
}

/** The pieces of a conversation in template order (chat completions: the server renders it). */
export function chatPieces(messages: readonly PartedMessage[]): AlignPiece[] {
  return messages.flatMap((message) => [
    ...message.content.map((part): AlignPiece => ({ text: part.text, segment: part.segment })),
    ...(message.toolCalls ?? []).map((call): AlignPiece => ({ ...querySpellings(call.query), segment: 'query' })),
  ]);
}

/** The conversation rendered with a template, and pieces that cover the whole text (completions with echo). */
export function renderedPieces(messages: readonly PartedMessage[], template: ChatTemplate, tools: readonly unknown[]): { text: string; pieces: AlignPiece[] } {
  const { text, fields } = template.render(templateMessages(messages), tools);
  const marks: { start: number; end: number; segment: Segment }[] = [];
  for (const field of fields) {
    const message = messages[field.message]!;
    if (field.field === 'content') {
      let at = field.start;
      for (const part of message.content) {
        if (part.segment !== null) marks.push({ start: at, end: at + part.text.length, segment: part.segment });
        at += part.text.length;
      }
      continue;
    }
    const query = querySpellings(message.toolCalls![field.field]!.query).text;
    const at = text.indexOf(query, text.indexOf(':', field.start) + 1);
    if (query !== '' && at !== -1 && at + query.length <= field.end) marks.push({ start: at, end: at + query.length, segment: 'query' });
  }
  marks.sort((a, b) => a.start - b.start);
  const pieces: AlignPiece[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start > at) pieces.push({ text: text.slice(at, mark.start), segment: null });
    pieces.push({ text: text.slice(mark.start, mark.end), segment: mark.segment });
    at = mark.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), segment: null });
  return { text, pieces };
}
