/**
 * The part of the OpenAI chat-completions request the simulator understands, validated with zod.
 * Unknown fields (vLLM's `top_k`, `chat_template_kwargs`, …) are accepted and ignored, as real servers
 * ignore what they do not support.
 */
import { z } from 'zod';

const TextPart = z.object({ type: z.literal('text'), text: z.string() }).passthrough();
const Content = z.union([z.string(), z.array(TextPart), z.null()]).optional();

const ToolCall = z
  .object({
    id: z.string(),
    type: z.literal('function').optional(),
    function: z.object({ name: z.string(), arguments: z.string() }).passthrough(),
  })
  .passthrough();

/** One message of the conversation. */
export const ChatMessageSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: Content }).passthrough(),
  z.object({ role: z.literal('developer'), content: Content }).passthrough(),
  z.object({ role: z.literal('user'), content: Content }).passthrough(),
  z.object({ role: z.literal('assistant'), content: Content, tool_calls: z.array(ToolCall).optional() }).passthrough(),
  z.object({ role: z.literal('tool'), content: Content, tool_call_id: z.string() }).passthrough(),
]);

/** A chat message as the server reads it. */
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

const Tool = z.object({ type: z.literal('function'), function: z.object({ name: z.string() }).passthrough() }).passthrough();

/** The request body of POST /v1/chat/completions. */
export const ChatRequestSchema = z
  .object({
    model: z.string().min(1),
    messages: z.array(ChatMessageSchema).min(1),
    tools: z.array(Tool).optional(),
    tool_choice: z.union([z.enum(['none', 'auto', 'required']), z.object({}).passthrough()]).optional(),
    temperature: z.number().min(0).max(2).nullable().optional(),
    top_p: z.number().gt(0).max(1).nullable().optional(),
    seed: z.number().int().nullable().optional(),
    n: z.number().int().min(1).nullable().optional(),
    stop: z.union([z.string(), z.array(z.string()).max(4)]).nullable().optional(),
    max_tokens: z.number().int().min(1).nullable().optional(),
    max_completion_tokens: z.number().int().min(1).nullable().optional(),
    stream: z.boolean().nullable().optional(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).passthrough().nullable().optional(),
    logprobs: z.boolean().nullable().optional(),
    top_logprobs: z.number().int().min(0).max(20).nullable().optional(),
    /** vLLM's extension: log-probabilities of the prompt's tokens, with this many alternatives each. */
    prompt_logprobs: z.number().int().min(0).max(20).nullable().optional(),
  })
  .passthrough();

/** A validated request. */
export type ChatRequest = z.infer<typeof ChatRequestSchema>;

/** The text of a message's content (text parts joined). */
export function contentText(message: { content?: string | { text: string }[] | null }): string {
  const content = message.content;
  if (content === undefined || content === null) return '';
  return typeof content === 'string' ? content : content.map((part) => part.text).join('');
}

/** The request body of POST /v1/completions: the simulator scores prompts only (`echo` with `logprobs`). */
export const CompletionRequestSchema = z
  .object({
    model: z.string().min(1),
    prompt: z.union([z.string(), z.array(z.string()).length(1)]),
    echo: z.boolean().nullable().optional(),
    logprobs: z.number().int().min(0).max(20).nullable().optional(),
    max_tokens: z.number().int().min(0).nullable().optional(),
    stream: z.boolean().nullable().optional(),
    n: z.number().int().min(1).nullable().optional(),
  })
  .passthrough();

/** A validated completions request. */
export type CompletionRequest = z.infer<typeof CompletionRequestSchema>;
