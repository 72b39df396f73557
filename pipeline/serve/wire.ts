/**
 * The simulator's completions on the wire, in the OpenAI chat-completions shapes: one JSON body, or
 * the `chat.completion.chunk` sequence of a stream (role first, then one chunk per content piece with its
 * log-probabilities, tool calls with their arguments in two halves, the finish reason, and the usage chunk
 * when `stream_options.include_usage` is set).
 */
import { SIMULATOR_OWNER } from '../llm/models';
import type { Completion } from './completion';
import type { PieceScore } from './scoring/scorer';

/** What every body and chunk of one completion shares. */
export interface CompletionMeta {
  id: string;
  created: number;
  model: string;
}

/** Identifies the simulator in every response (`system_fingerprint`) and in GET /v1/models (`owned_by`). */
export const SIMULATOR_FINGERPRINT = SIMULATOR_OWNER;

function bytes(token: string): number[] {
  return [...Buffer.from(token, 'utf8')];
}

function logprobEntries(scores: readonly PieceScore[]) {
  return scores.map((score) => ({
    token: score.token,
    logprob: score.logprob,
    bytes: bytes(score.token),
    top_logprobs: score.top.map((alt) => ({ token: alt.token, logprob: alt.logprob, bytes: bytes(alt.token) })),
  }));
}

/** The non-streaming response body (with vLLM's top-level `prompt_logprobs` when they were asked for). */
export function completionBody(meta: CompletionMeta, completion: Completion, promptLogprobs?: unknown[]): Record<string, unknown> {
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    system_fingerprint: SIMULATOR_FINGERPRINT,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: completion.content,
          refusal: null,
          ...(completion.toolCalls.length > 0 ? { tool_calls: completion.toolCalls } : {}),
        },
        logprobs: completion.logprobs ? { content: logprobEntries(completion.logprobs), refusal: null } : null,
        finish_reason: completion.finishReason,
      },
    ],
    usage: completion.usage,
    ...(promptLogprobs ? { prompt_logprobs: promptLogprobs } : {}),
  };
}

/** The chunks of a streamed response, in order (the caller adds `data: [DONE]`). */
export function* completionChunks(meta: CompletionMeta, completion: Completion, includeUsage: boolean): Generator<Record<string, unknown>> {
  const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    system_fingerprint: SIMULATOR_FINGERPRINT,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: null, ...extra }],
  });
  yield chunk({ role: 'assistant', content: '' });
  const scores = completion.logprobs;
  const contentPieces = scores ? scores.map((score) => score.token) : splitForStream(completion.content ?? '');
  for (const [i, piece] of contentPieces.entries()) {
    yield chunk({ content: piece }, scores ? { logprobs: { content: logprobEntries([scores[i]!]), refusal: null } } : {});
  }
  for (const [index, call] of completion.toolCalls.entries()) {
    const half = Math.floor(call.function.arguments.length / 2);
    yield chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: call.function.arguments.slice(0, half) } }] });
    yield chunk({ tool_calls: [{ index, function: { arguments: call.function.arguments.slice(half) } }] });
  }
  yield chunk({}, { finish_reason: completion.finishReason });
  if (includeUsage) {
    yield { id: meta.id, object: 'chat.completion.chunk', created: meta.created, model: meta.model, system_fingerprint: SIMULATOR_FINGERPRINT, choices: [], usage: completion.usage };
  }
}

// Without log-probabilities the text streams in word-sized chunks, as servers stream tokens.
function splitForStream(text: string): string[] {
  return text.match(/\s*\S+|\s+/g) ?? [];
}
