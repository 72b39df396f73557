/**
 * Turns the simulator's decision into an OpenAI chat completion: the text (reasoning, then a tool call
 * or a tag), the request's stop sequences and token limit applied as a server applies them, usage in
 * the simulator's tokens (pieces of the chat template's text), and log-probabilities on request.
 */
import { renderChat, renderToolCall } from './chat-template';
import type { ChatRequest } from './chat-request';
import type { NextAction } from './replay';
import type { Lexicon } from './scoring/lexicon';
import { pieces } from './scoring/pieces';
import { PieceScorer, type PieceScore } from './scoring/scorer';

/** What the simulator says when its plan ends without an answer (no tags: the collector counts it as no action). */
export const GIVE_UP_TEXT = 'I could not find the answer.';

/** One generated tool call. */
export interface GeneratedCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** A generated message and its accounting. */
export interface Completion {
  content: string | null;
  toolCalls: GeneratedCall[];
  finishReason: 'stop' | 'length' | 'tool_calls';
  /** Per content piece, when logprobs were asked for. */
  logprobs: PieceScore[] | null;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

/** The text and tool calls of an action before limits apply. */
export function actionMessage(action: NextAction, toolCalls: boolean, turn: number): { content: string; calls: GeneratedCall[] } {
  const parts = action.reasoning ? [action.reasoning] : [];
  if (action.kind === 'answer') {
    parts.push(action.answer === null ? GIVE_UP_TEXT : `<answer>${action.answer}</answer>`);
    return { content: parts.join(' '), calls: [] };
  }
  if (!toolCalls) return { content: [...parts, ...action.queries.map((query) => `<search>${query}</search>`)].join(' '), calls: [] };
  const calls = action.queries.map(
    (query, i): GeneratedCall => ({ id: `call_${turn}_${i}`, type: 'function', function: { name: 'search', arguments: JSON.stringify({ query }) } }),
  );
  return { content: parts.join(' '), calls };
}

/** Applies the request's stop sequences and token limit, counts usage and scores the content (`finish` overrides the finish reason of an empty message). */
export function complete(request: ChatRequest, message: { content: string; calls: GeneratedCall[] }, lexicon: Lexicon, finish?: Completion['finishReason']): Completion {
  let content = message.content;
  let calls = message.calls;
  let finishReason: Completion['finishReason'] = finish ?? (calls.length > 0 ? 'tool_calls' : 'stop');

  // A stop sequence ends generation where it begins and is not returned; tool calls come after the text.
  const stops = request.stop === undefined || request.stop === null ? [] : typeof request.stop === 'string' ? [request.stop] : request.stop;
  const cut = Math.min(...stops.map((stop) => (stop === '' || !content.includes(stop) ? Infinity : content.indexOf(stop))));
  if (Number.isFinite(cut)) {
    content = content.slice(0, cut);
    calls = [];
    finishReason = 'stop';
  }

  const limit = request.max_completion_tokens ?? request.max_tokens ?? Infinity;
  const contentPieces = pieces(content);
  const callText = calls.map(renderToolCall).join('');
  if (contentPieces.length + pieces(callText).length > limit) {
    content = contentPieces.slice(0, limit).join('');
    calls = [];
    finishReason = 'length';
  }

  const prompt = renderChat(request.messages, request.tools ?? []).text;
  const promptTokens = pieces(prompt).length;
  const completionTokens = pieces(content).length + pieces(calls.map(renderToolCall).join('')).length;
  let logprobs: PieceScore[] | null = null;
  if (request.logprobs) {
    const scorer = new PieceScorer(lexicon);
    scorer.observe(prompt);
    logprobs = scorer.score(content, request.top_logprobs ?? 0);
  }
  return {
    content: content === '' && calls.length > 0 ? null : content,
    toolCalls: calls,
    finishReason,
    logprobs,
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}
