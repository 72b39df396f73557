/**
 * The simulator's chat template (docs/serve.md): `<tools>[…]</tools>\n` when tools are offered, then per
 * message `<|role|>\n` + content (an assistant's tool calls as `<tool_call>{"name":…,"arguments":…}</tool_call>`,
 * the arguments verbatim) + `\n`, then `<|assistant|>\n`. Token counts, the scoring model's context and
 * prompt log-probabilities all come from this text.
 */
import { TextBuilder, type ChatTemplate, type TemplateMessage } from './template';

/** A tool call as rendered inside an assistant turn, around its arguments. */
export const SIM_TOOL_CALL = { open: (name: string) => `<tool_call>{"name":${JSON.stringify(name)},"arguments":`, close: '}</tool_call>' } as const;

/** A tool call as rendered inside an assistant turn. */
export function renderSimToolCall(call: { name: string; arguments: string }): string {
  return `${SIM_TOOL_CALL.open(call.name)}${call.arguments}${SIM_TOOL_CALL.close}`;
}

/** The simulator's template. */
export const simulatorTemplate: ChatTemplate = {
  name: 'simulator',
  render(messages: readonly TemplateMessage[], tools: readonly unknown[]) {
    const out = new TextBuilder();
    if (tools.length > 0) out.markup(`<tools>${JSON.stringify(tools)}</tools>\n`);
    messages.forEach((message, index) => {
      out.markup(`<|${message.role}|>\n`).field(index, 'content', message.content);
      if (message.role === 'assistant') {
        message.toolCalls.forEach((call, j) => out.markup(SIM_TOOL_CALL.open(call.name)).field(index, j, call.arguments).markup(SIM_TOOL_CALL.close));
      }
      out.markup('\n');
    });
    return out.markup('<|assistant|>\n').done();
  },
};
