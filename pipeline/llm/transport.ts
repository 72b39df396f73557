/**
 * The transport edge to OpenAI-compatible servers, shared by the collector and the model-access
 * experiments (score, swap): one request through the `openai` client — a chat turn, streamed or not, or
 * any JSON POST (prompt log-probabilities) — with a timeout over the whole response, retries (retry.ts),
 * a run-wide request cap, and replicas used round-robin (a retry goes to the next replica, so one failing
 * replica does not fail the episode). The client's own retries are off so every attempt is counted and
 * capped here.
 */
import OpenAI from 'openai';
import { TransientError, classify, retryDelayMs, type Backoff } from './retry';

/** What the collector needs from one model turn. */
export interface ChatReply {
  content: string | null;
  toolCalls: { id: string; name: string; arguments: string }[];
  finishReason: string | null;
  /** Null when the server reported none. */
  usage: { prompt_tokens: number; completion_tokens: number } | null;
  fingerprint: string | null;
  /** Wall time of the successful attempt. */
  latencyMs: number;
  /** Attempts made (1 + retries). */
  attempts: number;
}

/** Raised when the run's request cap is used up: the episode stops and the run ends resumable. */
export class RequestCapReached extends Error {
  override name = 'RequestCapReached';
}

/** A request stopped the run (bad key, missing model) or failed the episode after its retries. */
export class RequestFailed extends Error {
  override name = 'RequestFailed';
  constructor(
    message: string,
    readonly fatal: boolean,
    /** The last failure (an `openai` APIError carries the server's status and body). */
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** The run-wide request counter and cap. */
export class RequestBudget {
  used = 0;
  retries = 0;
  constructor(readonly cap: number | undefined) {}

  /** Counts one request; throws RequestCapReached when the cap is used up. */
  take(): void {
    if (this.cap !== undefined && this.used >= this.cap) throw new RequestCapReached(`the request cap (${this.cap}) is used up`);
    this.used += 1;
  }
}

/** One replica: its URL and client. */
export interface Endpoint {
  baseURL: string;
  client: OpenAI;
}

/** Creates an endpoint (the key comes from the environment, never from the config). */
export function endpoint(baseURL: string, apiKey: string | undefined, timeoutMs: number): Endpoint {
  return { baseURL, client: new OpenAI({ baseURL, apiKey: apiKey ?? 'none', maxRetries: 0, timeout: timeoutMs, logLevel: 'off' }) };
}

/** Transport settings. */
export interface TransportSettings extends Backoff {
  timeoutMs: number;
  retries: number;
  /** Injected so tests need not wait. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** The transport of one policy. */
export class PolicyTransport {
  private next = 0;

  constructor(
    private readonly endpoints: readonly Endpoint[],
    private readonly stream: boolean,
    private readonly settings: TransportSettings,
    private readonly budget: RequestBudget,
  ) {}

  /** Sends a chat request until it succeeds, fails for good, the cap is reached or `signal` aborts. */
  async chat(body: Record<string, unknown>, signal: AbortSignal, key: string): Promise<ChatReply> {
    const { value, latencyMs, attempts } = await this.send((target, inner) => (this.stream ? this.streamed(target, body, inner) : this.whole(target, body, inner)), signal, key);
    return { ...value, latencyMs, attempts };
  }

  /** POSTs a JSON body to `path` (relative to the base URL, e.g. `/completions`) and returns the parsed JSON reply, with the same retries. */
  async post(path: string, body: Record<string, unknown>, signal: AbortSignal, key: string): Promise<{ value: unknown; latencyMs: number; attempts: number }> {
    return this.send((target, inner) => target.client.post(path, { body, signal: inner }) as Promise<unknown>, signal, key);
  }

  // One logical request: attempts until one succeeds, with backoff between them and the next replica each time.
  private async send<T>(attempt: (target: Endpoint, signal: AbortSignal) => Promise<T>, signal: AbortSignal, key: string): Promise<{ value: T; latencyMs: number; attempts: number }> {
    for (let tried = 0; ; tried++) {
      if (signal.aborted) throw signal.reason;
      this.budget.take();
      const target = this.endpoints[this.next++ % this.endpoints.length]!;
      const started = performance.now();
      try {
        const value = await this.timed((inner) => attempt(target, inner), signal);
        return { value, latencyMs: Math.round(performance.now() - started), attempts: tried + 1 };
      } catch (error) {
        if (signal.aborted) throw signal.reason ?? error;
        const kind = classify(error);
        const message = `${target.baseURL}: ${(error as Error).message}`;
        if (kind === 'fatal') throw new RequestFailed(message, true, error);
        if (kind !== 'retry' || tried >= this.settings.retries) throw new RequestFailed(`${message}${kind === 'retry' ? ` (after ${tried + 1} attempts)` : ''}`, false, error);
        this.budget.retries += 1;
        await (this.settings.sleep ?? sleep)(retryDelayMs(tried, error, this.settings, key), signal);
      }
    }
  }

  // One attempt under one timer over the whole response: a stream that stalls after its headers is a timeout too.
  private async timed<T>(run: (signal: AbortSignal) => Promise<T>, outer: AbortSignal): Promise<T> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.settings.timeoutMs);
    const forward = () => controller.abort();
    outer.addEventListener('abort', forward, { once: true });
    try {
      return await run(controller.signal);
    } catch (error) {
      if (timedOut) throw new TransientError(`no complete response within ${this.settings.timeoutMs} ms`);
      throw error;
    } finally {
      clearTimeout(timer);
      outer.removeEventListener('abort', forward);
    }
  }

  private async whole(target: Endpoint, body: Record<string, unknown>, signal: AbortSignal): Promise<Omit<ChatReply, 'latencyMs' | 'attempts'>> {
    const completion = (await target.client.chat.completions.create({ ...body, stream: false } as never, { signal })) as OpenAI.ChatCompletion;
    const choice = completion?.choices?.[0];
    if (!choice?.message) throw new TransientError('the response has no choices[0].message');
    return {
      content: choice.message.content ?? null,
      toolCalls: withIds((choice.message.tool_calls ?? []).flatMap((call) => (call.type === 'function' ? [{ id: call.id, name: call.function.name, arguments: call.function.arguments }] : []))),
      finishReason: choice.finish_reason ?? null,
      usage: completion.usage ? { prompt_tokens: completion.usage.prompt_tokens, completion_tokens: completion.usage.completion_tokens } : null,
      fingerprint: completion.system_fingerprint ?? null,
    };
  }

  private async streamed(target: Endpoint, body: Record<string, unknown>, signal: AbortSignal): Promise<Omit<ChatReply, 'latencyMs' | 'attempts'>> {
    const stream = (await target.client.chat.completions.create(
      { ...body, stream: true, stream_options: { include_usage: true } } as never,
      { signal },
    )) as unknown as AsyncIterable<OpenAI.ChatCompletionChunk>;
    let content = '';
    let sawContent = false;
    const calls: { id: string; name: string; arguments: string }[] = [];
    let finishReason: string | null = null;
    let usage: ChatReply['usage'] = null;
    let fingerprint: string | null = null;
    try {
      for await (const chunk of stream) {
        fingerprint ??= chunk.system_fingerprint ?? null;
        if (chunk.usage) usage = { prompt_tokens: chunk.usage.prompt_tokens, completion_tokens: chunk.usage.completion_tokens };
        const choice = chunk.choices?.[0];
        if (!choice) continue;
        if (typeof choice.delta?.content === 'string') {
          content += choice.delta.content;
          sawContent = true;
        }
        for (const delta of choice.delta?.tool_calls ?? []) {
          const call = (calls[delta.index] ??= { id: '', name: '', arguments: '' });
          if (delta.id) call.id = delta.id;
          if (delta.function?.name) call.name += delta.function.name;
          if (delta.function?.arguments) call.arguments += delta.function.arguments;
        }
        if (choice.finish_reason) finishReason = choice.finish_reason;
      }
    } catch (error) {
      if (classify(error) === 'abort') throw error;
      throw new TransientError(`the stream broke: ${(error as Error).message}`);
    }
    // The openai client ends the iteration quietly when the connection drops: no finish reason means cut short.
    if (finishReason === null) throw new TransientError('the stream ended before a finish reason');
    return { content: sawContent ? content : null, toolCalls: withIds(calls.filter(Boolean)), finishReason, usage, fingerprint };
  }
}

// Tool messages answer calls by id; a server that leaves ids out gets positional ones.
function withIds(calls: { id: string; name: string; arguments: string }[]): { id: string; name: string; arguments: string }[] {
  return calls.map((call, i) => (call.id ? call : { ...call, id: `call_${i}` }));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}
