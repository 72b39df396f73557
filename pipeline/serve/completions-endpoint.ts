/**
 * POST /v1/completions on the simulator: prompt scoring only, as `echo` + `logprobs` asks for it (the
 * way lm-evaluation-harness and the prompt scorer read prompt log-probabilities). The simulator cannot
 * continue a raw text, so it generates nothing: the choice's text is the prompt itself, its `logprobs`
 * those of the prompt's pieces, and the finish reason `length`.
 */
import { randomUUID } from 'node:crypto';
import { CompletionRequestSchema, type CompletionRequest } from './chat-request';
import { HttpError } from './http';
import { completionLogprobs, scorePrompt } from './prompt-scores';
import type { ServedTasks } from './served-tasks';
import { SIMULATOR_FINGERPRINT } from './wire';

/** Parses a completions request body (400 on anything else). */
export function parseCompletionRequest(raw: unknown): CompletionRequest {
  const parsed = CompletionRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, `invalid request: ${issue.path.join('.') || '(body)'}: ${issue.message}`, 'invalid_request');
  }
  return parsed.data;
}

/** The response body of a completions request. */
export function completionsBody(served: ServedTasks, request: CompletionRequest): Record<string, unknown> {
  if (!served.models().includes(request.model)) throw new HttpError(404, `the model "${request.model}" does not exist; the simulator serves ${served.models().join(', ')}`, 'model_not_found');
  if (request.stream) throw new HttpError(400, 'the simulator does not stream /v1/completions', 'unsupported_stream');
  if ((request.n ?? 1) > 1) throw new HttpError(400, 'the simulator serves n = 1', 'unsupported_n');
  if (!request.echo || request.logprobs === undefined || request.logprobs === null) {
    throw new HttpError(400, "the simulator's /v1/completions only scores prompts: send echo: true with logprobs (it cannot continue a raw text; use /v1/chat/completions to generate)", 'prompt_scoring_only');
  }
  const prompt = typeof request.prompt === 'string' ? request.prompt : request.prompt[0]!;
  const scores = scorePrompt(prompt, served.lexicon(request.model), request.logprobs);
  return {
    id: `cmpl-sim-${randomUUID()}`,
    object: 'text_completion',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    system_fingerprint: SIMULATOR_FINGERPRINT,
    choices: [{ index: 0, text: prompt, logprobs: completionLogprobs(scores), finish_reason: 'length' }],
    usage: { prompt_tokens: scores.length, completion_tokens: 0, total_tokens: scores.length },
  };
}
