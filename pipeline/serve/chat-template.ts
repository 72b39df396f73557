/**
 * The simulator's chat template: how a conversation becomes one text, as a model's template renders
 * it before tokenizing. Token counts (usage) and the scoring model's context come from this text, and a
 * prompt-scoring endpoint can map pieces back to messages through the spans.
 *
 *   <tools>[…]</tools>\n<|system|>\n…\n<|user|>\n…\n<|assistant|>\n…<tool_call>{…}</tool_call>\n<|tool|>\n…\n<|assistant|>\n
 */
import { contentText, type ChatMessage } from './chat-request';

/** Where one message's content lies in the rendered text. */
export interface MessageSpan {
  message: number;
  role: string;
  start: number;
  end: number;
}

/** A tool call as rendered inside an assistant turn. */
export function renderToolCall(call: { function: { name: string; arguments: string } }): string {
  return `<tool_call>{"name":${JSON.stringify(call.function.name)},"arguments":${call.function.arguments}}</tool_call>`;
}

/** The generation prompt: every message, then the header of the assistant turn to be generated. */
export function renderChat(messages: readonly ChatMessage[], tools: readonly unknown[] = []): { text: string; spans: MessageSpan[] } {
  let text = tools.length > 0 ? `<tools>${JSON.stringify(tools)}</tools>\n` : '';
  const spans: MessageSpan[] = [];
  messages.forEach((message, index) => {
    text += `<|${message.role}|>\n`;
    const start = text.length;
    text += contentText(message);
    if (message.role === 'assistant') text += (message.tool_calls ?? []).map(renderToolCall).join('');
    spans.push({ message: index, role: message.role, start, end: text.length });
    text += '\n';
  });
  return { text: `${text}<|assistant|>\n`, spans };
}
