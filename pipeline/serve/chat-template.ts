/**
 * The simulator's chat template applied to a request (the template itself is shared with the prompt
 * scorer: pipeline/chat-protocol/templates/simulator.ts). Token counts (usage), the scoring model's
 * context and prompt log-probabilities come from this text.
 */
import { renderSimToolCall, simulatorTemplate } from '../chat-protocol/templates/simulator';
import type { RenderedChat, TemplateMessage } from '../chat-protocol/templates/template';
import { contentText, type ChatMessage } from './chat-request';

/** A request message as the template reads it. */
export function templateMessage(message: ChatMessage): TemplateMessage {
  const calls = message.role === 'assistant' ? (message.tool_calls ?? []) : [];
  return { role: message.role, content: contentText(message), toolCalls: calls.map((call) => ({ name: call.function.name, arguments: call.function.arguments })) };
}

/** A generated tool call as rendered inside an assistant turn. */
export function renderToolCall(call: { function: { name: string; arguments: string } }): string {
  return renderSimToolCall(call.function);
}

/** The generation prompt of a request: every message, then the header of the assistant turn to be generated. */
export function renderChat(messages: readonly ChatMessage[], tools: readonly unknown[] = []): RenderedChat {
  return simulatorTemplate.render(messages.map(templateMessage), tools);
}
