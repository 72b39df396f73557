/**
 * Prompt log-probabilities from an OpenAI-compatible server, two ways:
 *
 * - `chat`: POST /chat/completions with vLLM's `prompt_logprobs: 0` — the server renders the
 *   conversation with the model's own chat template and returns, per prompt token, `null` (the first)
 *   or `{ "<id>": {logprob, decoded_token, …} }`;
 * - `completions`: POST /completions with `echo: true` and `logprobs` — we render the conversation with
 *   a template ourselves and the server returns `tokens` and `token_logprobs` of the text.
 *
 * `detectMethod` tries chat first, then completions, and stops with one message naming both when
 * neither gives prompt log-probabilities. Tokens are then mapped onto the conversation (align-tokens.ts)
 * and summed per segment.
 */
import { APIError } from 'openai';
import type { SegmentSums } from '../../analyses/experiments/segments';
import { chatMessages, SEGMENTS, type PartedMessage, type Segment } from '../chat-protocol/parts';
import type { ChatTemplate } from '../chat-protocol/templates/template';
import { UserError } from '../errors';
import { alignTokens, AlignmentError } from './align-tokens';
import { chatPieces, renderedPieces } from './conversation-pieces';
import { RequestFailed, type PolicyTransport } from './transport';

/** How prompt log-probabilities are asked for. */
export const SCORE_METHODS = ['chat', 'completions'] as const;
/** A method. */
export type ScoreMethod = (typeof SCORE_METHODS)[number];

/** A server's prompt tokens and their log-probabilities (null where the server gives none, e.g. the first token). */
export interface PromptTokens {
  tokens: string[];
  logprobs: (number | null)[];
}

/** A reply that does not hold prompt log-probabilities in the shape asked for. */
export class NoPromptLogprobs extends Error {
  override name = 'NoPromptLogprobs';
}

/** Tokens and log-probabilities from a chat completion's `prompt_logprobs` (vLLM's shape). */
export function chatPromptTokens(body: unknown): PromptTokens {
  const list = (body as { prompt_logprobs?: unknown })?.prompt_logprobs;
  if (!Array.isArray(list)) throw new NoPromptLogprobs('the reply has no prompt_logprobs list');
  const tokens: string[] = [];
  const logprobs: (number | null)[] = [];
  list.forEach((entry, position) => {
    if (entry === null) {
      // Only the first position has no log-probability; its token is not named, and it is always template markup.
      if (position !== 0) throw new NoPromptLogprobs(`prompt_logprobs[${position}] is null`);
      tokens.push('');
      logprobs.push(null);
      return;
    }
    const values = typeof entry === 'object' ? Object.values(entry as Record<string, unknown>) : [];
    if (values.length !== 1) throw new NoPromptLogprobs(`prompt_logprobs[${position}] has ${values.length} entries, not the prompt token alone (prompt_logprobs: 0)`);
    const value = values[0] as { logprob?: unknown; decoded_token?: unknown };
    if (typeof value.logprob !== 'number' || typeof value.decoded_token !== 'string') throw new NoPromptLogprobs(`prompt_logprobs[${position}] has no numeric logprob and decoded_token`);
    tokens.push(value.decoded_token);
    logprobs.push(value.logprob);
  });
  if (tokens.length === 0) throw new NoPromptLogprobs('prompt_logprobs is empty');
  return { tokens, logprobs };
}

/** Tokens and log-probabilities from a completion with `echo` (the legacy `logprobs` object). */
export function completionPromptTokens(body: unknown): PromptTokens {
  const logprobs = (body as { choices?: { logprobs?: { tokens?: unknown; token_logprobs?: unknown } }[] })?.choices?.[0]?.logprobs;
  const tokens = logprobs?.tokens;
  const values = logprobs?.token_logprobs;
  if (!Array.isArray(tokens) || !Array.isArray(values) || tokens.length !== values.length || tokens.length === 0) {
    throw new NoPromptLogprobs('the reply has no choices[0].logprobs with tokens and token_logprobs of equal length');
  }
  if (!tokens.every((token) => typeof token === 'string') || !values.every((value) => value === null || typeof value === 'number')) {
    throw new NoPromptLogprobs('choices[0].logprobs holds tokens that are not strings or log-probabilities that are not numbers');
  }
  return { tokens: tokens as string[], logprobs: values as (number | null)[] };
}

/** What one scored conversation gives per segment: tokens with a log-probability, and their summed surprisal in nats. */
export interface ScoredSegments {
  segments: SegmentSums;
  /** Tokens outside every segment (prompts, results, markup). */
  excluded: number;
  /** Tokens of a segment the server gave no log-probability (left out of the sums). */
  unscored: number;
}

/** Sums the surprisal of the aligned tokens per segment. */
export function segmentSums(prompt: PromptTokens, segments: readonly (Segment | null)[]): ScoredSegments {
  const sums = Object.fromEntries(SEGMENTS.map((segment) => [segment, { tokens: 0, nats: 0 }])) as SegmentSums;
  let excluded = 0;
  let unscored = 0;
  segments.forEach((segment, i) => {
    const logprob = prompt.logprobs[i];
    if (segment === null) excluded += 1;
    else if (logprob === null || logprob === undefined) unscored += 1;
    else {
      sums[segment].tokens += 1;
      sums[segment].nats -= logprob;
    }
  });
  return { segments: sums, excluded, unscored };
}

/** Scores conversations under one model through one transport, by one method. */
export class PromptScorer {
  constructor(
    private readonly transport: PolicyTransport,
    private readonly model: string,
    readonly method: ScoreMethod,
    private readonly template: ChatTemplate,
  ) {}

  /** The prompt tokens of a conversation (and the tools its request offered). */
  async promptTokens(messages: readonly PartedMessage[], tools: readonly unknown[], signal: AbortSignal, key: string): Promise<PromptTokens> {
    if (this.method === 'chat') {
      const body = {
        model: this.model,
        messages: chatMessages(messages),
        ...(tools.length > 0 ? { tools, tool_choice: 'none' } : {}),
        max_tokens: 1,
        temperature: 0,
        prompt_logprobs: 0,
      };
      return chatPromptTokens((await this.transport.post('/chat/completions', body, signal, key)).value);
    }
    const { text } = renderedPieces(messages, this.template, tools);
    const body = { model: this.model, prompt: text, echo: true, logprobs: 1, max_tokens: 1, temperature: 0 };
    return completionPromptTokens((await this.transport.post('/completions', body, signal, key)).value);
  }

  /** Scores a conversation: its tokens' surprisal summed per segment. */
  async score(messages: readonly PartedMessage[], tools: readonly unknown[], signal: AbortSignal, key: string): Promise<ScoredSegments> {
    const prompt = await this.promptTokens(messages, tools, signal, key);
    const alignment =
      this.method === 'chat' ? alignTokens(prompt.tokens, chatPieces(messages), 'gaps') : alignTokens(prompt.tokens, renderedPieces(messages, this.template, tools).pieces, 'contiguous');
    return segmentSums(prompt, alignment.segments);
  }
}

/** Why a method did not work, for the message that names both. */
function failure(error: unknown): string {
  if (error instanceof NoPromptLogprobs || error instanceof AlignmentError) return error.message;
  if (error instanceof RequestFailed) {
    const cause = error.cause;
    if (cause instanceof APIError && (cause.status === 401 || cause.status === 403)) throw new UserError(`${error.message}: the scorer refused the API key.`, 'Set --scorer-key-env to the variable holding a valid key.');
    return error.message;
  }
  throw error;
}

/**
 * Finds the method the server supports by scoring one conversation with each in turn (chat first). Returns
 * the scorer and that conversation's sums; fails naming both methods when neither works.
 */
export async function detectMethod(
  transport: PolicyTransport,
  model: string,
  template: ChatTemplate,
  probe: { messages: readonly PartedMessage[]; tools: readonly unknown[] },
  signal: AbortSignal,
): Promise<{ scorer: PromptScorer; sums: ScoredSegments }> {
  const reasons: string[] = [];
  for (const method of SCORE_METHODS) {
    const scorer = new PromptScorer(transport, model, method, template);
    try {
      return { scorer, sums: await scorer.score(probe.messages, probe.tools, signal, `detect-${method}`) };
    } catch (error) {
      reasons.push(`${method === 'chat' ? 'chat completions with prompt_logprobs' : '/v1/completions with echo + logprobs'}: ${failure(error)}`);
    }
  }
  throw new UserError(
    `the scorer returns no prompt log-probabilities by either method — ${reasons.join('; ')}.`,
    'Serve the scoring model with vLLM (vllm serve <model>: chat completions accept prompt_logprobs), or with a server whose /v1/completions returns prompt log-probabilities with echo: true and logprobs (then pick the chat template with --score-template).',
  );
}
