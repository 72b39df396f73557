/**
 * The simulator served as an OpenAI-compatible chat server (`npm run serve`, or `"baseURL": "sim"` in a
 * collect config): GET /v1/models lists the simulated policies, POST /v1/chat/completions answers as the
 * policy named by `model` would act at this point of the conversation (replay.ts), with tool calls or
 * tags, streamed or not, with log-probabilities on request (and vLLM's `prompt_logprobs`); POST
 * /v1/completions scores a prompt (`echo` + `logprobs`). It is a simulator, not a language model: every
 * response says so in `system_fingerprint`.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createRng } from '../../analyses/random/rng';
import { ChatRequestSchema, type ChatRequest } from './chat-request';
import { renderChat } from './chat-template';
import { completionsBody, parseCompletionRequest } from './completions-endpoint';
import { scorePrompt, vllmPromptLogprobs } from './prompt-scores';
import { actionMessage, complete } from './completion';
import { questionOf, readConversation } from './conversation';
import { HttpError, listen, readBody, sendError, sendJson, type RunningServer } from './http';
import { nextAction } from './replay';
import { readTranscript } from './transcript-reading';
import { ServedTasks, type ServedSetup } from './served-tasks';
import { completionBody, completionChunks, SIMULATOR_FINGERPRINT } from './wire';

const BODY_LIMIT = 32 * 1024 * 1024;

/** The request handler of a simulator server (exported so tests can wrap it with faults). */
export function simHandler(setup: ServedSetup, onError: (error: unknown) => void = () => {}): RequestListener {
  const served = new ServedTasks(setup);
  return (req, res) => {
    handle(served, req, res).catch((error: unknown) => {
      if (!(error instanceof HttpError)) onError(error);
      const failure = error instanceof HttpError ? error : new HttpError(500, `simulator failure: ${(error as Error).message}`, 'internal_error');
      if (!res.headersSent) sendError(res, failure);
      else res.destroy();
    });
  };
}

/** Starts a simulator server on 127.0.0.1. */
export async function startSimServer(setup: ServedSetup, port = 0, onError?: (error: unknown) => void): Promise<RunningServer> {
  return listen(simHandler(setup, onError), port);
}

function newMeta(model: string) {
  return { id: `chatcmpl-sim-${randomUUID()}`, created: Math.floor(Date.now() / 1000), model };
}

async function handle(served: ServedTasks, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/+$/, '');
  if (req.method === 'GET' && path === '/v1/models') {
    const data = served.models().map((id) => ({ id, object: 'model', created: 0, owned_by: SIMULATOR_FINGERPRINT }));
    return sendJson(res, 200, { object: 'list', data });
  }
  if (req.method === 'GET' && path === '/health') return sendJson(res, 200, { status: 'ok', simulator: true });
  if (path !== '/v1/chat/completions' && path !== '/v1/completions') {
    throw new HttpError(404, `no route ${req.method} ${path}: the simulator serves GET /v1/models, POST /v1/chat/completions and POST /v1/completions`, 'not_found');
  }
  if (req.method !== 'POST') throw new HttpError(405, `use POST for ${path}`, 'method_not_allowed');
  const raw = parseJson(await readBody(req, BODY_LIMIT));
  if (path === '/v1/completions') return sendJson(res, 200, completionsBody(served, parseCompletionRequest(raw)));
  answer(served, parseRequest(raw), res);
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new HttpError(400, `the request body is not JSON (${(error as Error).message})`, 'invalid_json');
  }
}

function parseRequest(raw: unknown): ChatRequest {
  const parsed = ChatRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, `invalid request: ${issue.path.join('.') || '(body)'}: ${issue.message}`, 'invalid_request');
  }
  return parsed.data;
}

function answer(served: ServedTasks, request: ChatRequest, res: ServerResponse): void {
  if ((request.n ?? 1) > 1) throw new HttpError(400, 'the simulator serves n = 1: send one request per sample, each with its own seed', 'unsupported_n');
  const sampling = { temperature: request.temperature ?? 1, topP: request.top_p ?? 1 };
  const policy = served.policy(request.model, sampling);
  if (!policy) throw new HttpError(404, `the model "${request.model}" does not exist; the simulator serves ${served.models().join(', ')}`, 'model_not_found');
  const question = questionOf(request.messages);
  const task = question === null ? undefined : served.find(question);
  const scoring = request.prompt_logprobs !== undefined && request.prompt_logprobs !== null;
  if (scoring && request.stream) throw new HttpError(400, 'prompt_logprobs cannot be streamed (as in vLLM): send stream: false', 'unsupported_stream');
  // Scoring a prompt needs no task; only generating does. An unknown question is then answered with nothing generated.
  const prompt = scoring ? vllmPromptLogprobs(scorePrompt(renderChat(request.messages, request.tools ?? []).text, served.lexicon(request.model), request.prompt_logprobs!)) : undefined;
  if (!task && prompt) return sendJson(res, 200, completionBody(newMeta(request.model), complete(request, { content: '', calls: [] }, served.lexicon(request.model), 'length'), prompt));
  if (!task) {
    throw new HttpError(
      400,
      `the simulator does not know this question (${JSON.stringify((question ?? '').slice(0, 120))}): it answers only the questions of the tasks it was started with; start it with the same tasks as the collection (npm run serve -- --config <collect.json>)`,
      'unknown_question',
    );
  }
  const conversation = readConversation(request, task.task.row.docs);
  // The stream depends only on (seed, model, task): every turn of an episode replays the same draws.
  const rng = createRng(request.seed ?? 0).fork(`${request.model}|${task.task.row.task}`);
  const action = conversation.given
    ? readTranscript(task.task, conversation.calls.flatMap((call) => call.docs), policy, rng)
    : nextAction({ ...task, policy, rng }, conversation.calls, conversation.canSearch);
  const turn = request.messages.filter((message) => message.role === 'assistant').length;
  const completion = complete(request, actionMessage(action, conversation.toolCalls, turn), served.lexicon(request.model));
  const meta = newMeta(request.model);
  if (!request.stream) return sendJson(res, 200, completionBody(meta, completion, prompt));
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  for (const chunk of completionChunks(meta, completion, request.stream_options?.include_usage === true)) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  res.end('data: [DONE]\n\n');
}
