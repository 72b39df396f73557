/**
 * Chat messages (OpenAI's shape, which Inspect's ChatMessage shares) into canonical steps:
 * assistant text beside tool calls → think, tool calls → call (calls of one message share a round),
 * tool messages → result (with the documents its JSON or Python-literal text holds), the last
 * assistant message without calls → answer, other turns → message.
 * The prompt (system messages and the user turns before the first assistant message) is not copied
 * into steps when it holds the question, which the trajectory carries in `meta.question`.
 */
import type { Step } from '../../formats/trajectory';
import { resultDocuments } from './result-documents';
import { readToolCall } from './tool-call';
import { describe } from './values';

/** How to turn a conversation into steps. */
export interface ChatOptions {
  /** Give every call its own round (instead of one round per assistant message). */
  roundPerCall: boolean;
  /** The prompt's user turns are the question (not copied into steps). */
  promptIsQuestion: boolean;
}

/** A converted conversation. */
export interface ChatEpisode {
  steps: Step[];
  /** Text of the final assistant message when it makes no call; null otherwise. */
  answer: string | null;
  /** The last user turn before the first assistant message (the question, for most QA sources). */
  promptQuestion: string | undefined;
  /** Number of tool calls. */
  calls: number;
}

interface Message {
  role: string;
  text: string;
  reasoning: string[];
  calls: unknown[];
  record: Record<string, unknown>;
}

/** Converts a message list; a reason string when a message cannot be read. */
export function chatSteps(raw: readonly unknown[], options: ChatOptions): ChatEpisode | string {
  const messages: Message[] = [];
  for (let index = 0; index < raw.length; index++) {
    const message = readMessage(raw[index]);
    if (typeof message === 'string') return `message [${index}]: ${message}`;
    messages.push(message);
  }
  const firstAssistant = messages.findIndex((message) => message.role === 'assistant');
  const promptEnd = firstAssistant === -1 ? messages.length : firstAssistant;
  let lastAssistant = -1;
  messages.forEach((message, index) => {
    if (message.role === 'assistant') lastAssistant = index;
  });

  const steps: Step[] = [];
  const toolById = new Map<string, string>();
  // Results without a name or call id (verifiers) answer the open calls in order.
  const open: { id: string | undefined; name: string }[] = [];
  let promptQuestion: string | undefined;
  let answer: string | null = null;
  let round = 0;
  let calls = 0;
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index]!;
    const { role, text } = message;
    if (index < promptEnd && (role === 'system' || role === 'developer')) continue;
    if (index < promptEnd && role === 'user') {
      promptQuestion = text;
      if (options.promptIsQuestion) continue;
    }
    if (role === 'assistant') {
      for (const reasoning of message.reasoning) steps.push({ type: 'think', text: reasoning });
      if (message.calls.length > 0) {
        if (text.trim() !== '') steps.push({ type: 'think', text });
        for (const entry of message.calls) {
          const call = readToolCall(entry);
          if (typeof call === 'string') return `message [${index}]: ${call}`;
          if (call.id !== undefined) toolById.set(call.id, call.name);
          open.push({ id: call.id, name: call.name });
          steps.push({ type: 'call', tool: call.name, args: call.args, round: options.roundPerCall ? calls : round });
          calls += 1;
        }
        round += 1;
      } else if (index === lastAssistant) {
        if (text.trim() !== '') {
          steps.push({ type: 'answer', text });
          answer = text;
        }
      } else if (text.trim() !== '') {
        steps.push({ type: 'message', role, text });
      }
    } else if (role === 'tool' || role === 'function') {
      const id = message.record.tool_call_id;
      const named = message.record.name ?? message.record.function;
      const byId = typeof id === 'string' ? open.findIndex((call) => call.id === id) : -1;
      const answered = typeof id === 'string' ? (byId === -1 ? undefined : open.splice(byId, 1)[0]) : open.shift();
      const tool = typeof named === 'string' && named !== '' ? named : (typeof id === 'string' ? toolById.get(id) : undefined) ?? answered?.name ?? 'tool';
      const docs = resultDocuments(text);
      steps.push({ type: 'result', tool, text: withError(text, message.record.error), ...(docs.length > 0 ? { docs } : {}) });
    } else {
      steps.push({ type: 'message', role, text });
    }
  }
  return { steps, answer, promptQuestion, calls };
}

function readMessage(raw: unknown): Message | string {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return `is ${describe(raw)}, not a message object`;
  const record = raw as Record<string, unknown>;
  if (typeof record.role !== 'string' || record.role === '') return 'has no "role"';
  const content = readContent(record.content);
  if (typeof content === 'string') return content;
  const reasoning = [...content.reasoning];
  for (const key of ['reasoning_content', 'reasoning']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') reasoning.push(value);
  }
  const calls = record.tool_calls;
  if (calls !== undefined && calls !== null && !Array.isArray(calls)) return `"tool_calls" is ${describe(calls)}, not an array`;
  return { role: record.role, text: content.text, reasoning, calls: calls ?? [], record };
}

// Content is a string, null (assistant turns that only call tools), or a list of parts; Inspect
// stores reasoning as a `{type: "reasoning"}` part.
function readContent(content: unknown): { text: string; reasoning: string[] } | string {
  if (content === undefined || content === null) return { text: '', reasoning: [] };
  if (typeof content === 'string') return { text: content, reasoning: [] };
  if (!Array.isArray(content)) return `"content" is ${describe(content)}, not text or a list of parts`;
  const texts: string[] = [];
  const reasoning: string[] = [];
  for (const part of content) {
    if (typeof part === 'string') texts.push(part);
    else if (part !== null && typeof part === 'object') {
      const { type, text, reasoning: thought } = part as Record<string, unknown>;
      if (type === 'reasoning' && typeof thought === 'string') reasoning.push(thought);
      else if (typeof text === 'string') texts.push(text);
    }
  }
  return { text: texts.join('\n'), reasoning };
}

function withError(text: string, error: unknown): string {
  if (error === null || typeof error !== 'object') return text;
  const message = (error as Record<string, unknown>).message;
  return typeof message === 'string' ? `${text}${text ? '\n' : ''}[tool error: ${message}]` : text;
}
