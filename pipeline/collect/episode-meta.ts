/**
 * `meta.collect` of a collected trajectory: which model, protocol and sampling parameters produced it,
 * its token usage, requests and latency, and how it ended. Never an API key (the config holds only the
 * name of the variable that does).
 */
import { PROMPT_VERSION } from '../chat-protocol/prompts';
import type { ChatReply } from '../llm/transport';
import type { EpisodeSpec } from './episode';

/** The recorded `meta.collect` object. */
export interface CollectMeta {
  model: string;
  protocol: string;
  server: string;
  prompt: string;
  parameters: Record<string, unknown>;
  turns: number;
  rounds: number;
  invalid_actions: number;
  invalid_kinds: Record<string, number>;
  /** `answer`, or `step_limit` when the episode ran out of turns without an answer. */
  stop: 'answer' | 'step_limit';
  /** Summed over the episode's turns; `reported` is false when a server left usage out of a response. */
  usage: { prompt_tokens: number; completion_tokens: number; reported: boolean };
  requests: number;
  retries: number;
  latency_ms: number;
  finish_reasons: Record<string, number>;
  system_fingerprint: string | null;
}

/** The meta of an episode before its first turn. */
export function collectMeta(spec: EpisodeSpec): CollectMeta {
  const { policy } = spec;
  return {
    model: policy.model,
    protocol: policy.protocol,
    server: spec.server,
    prompt: PROMPT_VERSION,
    parameters: { temperature: policy.temperature, top_p: policy.top_p, max_tokens: policy.max_tokens, seed: spec.seed ?? null, stream: policy.stream, ...policy.extra },
    turns: 0,
    rounds: 0,
    invalid_actions: 0,
    invalid_kinds: {},
    stop: 'step_limit',
    usage: { prompt_tokens: 0, completion_tokens: 0, reported: true },
    requests: 0,
    retries: 0,
    latency_ms: 0,
    finish_reasons: {},
    system_fingerprint: null,
  };
}

/** Adds one model turn's accounting. */
export function recordReply(meta: CollectMeta, reply: ChatReply): void {
  meta.requests += reply.attempts;
  meta.retries += reply.attempts - 1;
  meta.latency_ms += reply.latencyMs;
  if (reply.usage) {
    meta.usage.prompt_tokens += reply.usage.prompt_tokens;
    meta.usage.completion_tokens += reply.usage.completion_tokens;
  } else meta.usage.reported = false;
  const reason = reply.finishReason ?? 'none';
  meta.finish_reasons[reason] = (meta.finish_reasons[reason] ?? 0) + 1;
  meta.system_fingerprint ??= reply.fingerprint;
}
