/**
 * ChatML as Qwen2.5's chat template writes it (the study's base model family), for servers that return
 * prompt log-probabilities only for plain text (`/v1/completions` with `echo`): the system message with
 * the tools block, `<|im_start|>role\n…<|im_end|>\n` per message, tool calls as
 * `<tool_call>\n{"name": …, "arguments": {…}}\n</tool_call>` and tool results gathered in a user turn as
 * `<tool_response>\n…\n</tool_response>`. JSON is written as Python's json.dumps writes it (", " and
 * ": " separators, non-ASCII kept). Other models' templates differ: use a server that applies its own
 * template (vLLM's chat completions with `prompt_logprobs`) when you can.
 */
import { TextBuilder, type ChatTemplate, type TemplateMessage } from './template';

const DEFAULT_SYSTEM = 'You are Qwen, created by Alibaba Cloud. You are a helpful assistant.';
const TOOLS_INTRO = '\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\nYou are provided with function signatures within <tools></tools> XML tags:\n<tools>';
const TOOLS_OUTRO =
  '\n</tools>\n\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{"name": <function-name>, "arguments": <args-json-object>}\n</tool_call><|im_end|>\n';

/** JSON as Python's `json.dumps(value, ensure_ascii=False)` writes it: `", "` and `": "` separators. */
export function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([key, inner]) => `${JSON.stringify(key)}: ${pythonJson(inner)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

// Arguments arrive as a JSON string; the template re-serializes the parsed object (a string that is not JSON stays as it is).
function argumentsText(args: string): string {
  try {
    return pythonJson(JSON.parse(args));
  } catch {
    return args;
  }
}

/** Qwen2.5's ChatML template. */
export const chatmlTemplate: ChatTemplate = {
  name: 'chatml',
  render(messages: readonly TemplateMessage[], tools: readonly unknown[]) {
    const out = new TextBuilder();
    const first = messages[0];
    const hasSystem = first?.role === 'system';
    if (tools.length > 0) {
      out.markup('<|im_start|>system\n');
      if (hasSystem) out.field(0, 'content', first.content);
      else out.markup(DEFAULT_SYSTEM);
      out.markup(TOOLS_INTRO);
      for (const tool of tools) out.markup(`\n${pythonJson(tool)}`);
      out.markup(TOOLS_OUTRO);
    } else if (hasSystem) out.markup('<|im_start|>system\n').field(0, 'content', first.content).markup('<|im_end|>\n');
    else out.markup(`<|im_start|>system\n${DEFAULT_SYSTEM}<|im_end|>\n`);
    messages.forEach((message, index) => {
      if (index === 0 && hasSystem) return;
      if (message.role === 'tool') {
        if (messages[index - 1]?.role !== 'tool') out.markup('<|im_start|>user');
        out.markup('\n<tool_response>\n').field(index, 'content', message.content).markup('\n</tool_response>');
        if (messages[index + 1]?.role !== 'tool') out.markup('<|im_end|>\n');
        return;
      }
      if (message.role !== 'assistant' || message.toolCalls.length === 0) {
        out.markup(`<|im_start|>${message.role}\n`).field(index, 'content', message.content).markup('<|im_end|>\n');
        return;
      }
      out.markup('<|im_start|>assistant');
      if (message.content) out.markup('\n').field(index, 'content', message.content);
      message.toolCalls.forEach((call, j) => out.markup(`\n<tool_call>\n{"name": "${call.name}", "arguments": `).field(index, j, argumentsText(call.arguments)).markup('}\n</tool_call>'));
      out.markup('<|im_end|>\n');
    });
    return out.markup('<|im_start|>assistant\n').done();
  },
};
