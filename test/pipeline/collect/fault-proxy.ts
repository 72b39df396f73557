/**
 * A fault-injecting wrapper around an OpenAI-compatible server (the simulator server in the tests): a
 * proxy on 127.0.0.1 that, per request, answers 429 with retry-after, answers 500/503, hangs, corrupts
 * the JSON of tool-call arguments, or cuts a stream short, and otherwise forwards the request. Which
 * fault a request gets depends only on its body and on how many times that same body was sent before,
 * so a run's outcome does not depend on the order concurrent requests arrive in.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, type RunningServer } from '../../../pipeline/serve/http';

/** What the proxy does with one request. */
export type Fault = 'none' | 'rate-limit' | 'server-error' | 'hang' | 'malformed-tool-json' | 'truncated-stream';

/** The seconds sent in retry-after with every 429. */
export const RETRY_AFTER_SECONDS = 2;

/** A running proxy and the faults it applied. */
export interface FaultProxy extends RunningServer {
  applied: Record<Fault, number>;
}

/** Starts the proxy in front of `upstream` (a base URL ending in /v1). `choose(digest, attempt, body)` picks the fault. */
export async function startFaultProxy(upstream: string, choose: (digest: number, attempt: number, body: Record<string, unknown>) => Fault): Promise<FaultProxy> {
  const applied: Record<Fault, number> = { none: 0, 'rate-limit': 0, 'server-error': 0, hang: 0, 'malformed-tool-json': 0, 'truncated-stream': 0 };
  const attempts = new Map<string, number>();
  const origin = upstream.replace(/\/v1$/, '');

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = req.method === 'POST' ? await readBody(req, 64 << 20) : '';
    const forward = () => fetch(`${origin}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json' }, body: req.method === 'POST' ? text : undefined });
    if (req.method !== 'POST') return relay(res, await forward());
    const hash = createHash('sha256').update(text).digest();
    const key = hash.toString('hex');
    const attempt = attempts.get(key) ?? 0;
    attempts.set(key, attempt + 1);
    const body = JSON.parse(text) as Record<string, unknown>;
    const fault = choose(hash.readUInt32BE(0), attempt, body);
    if (fault === 'rate-limit') {
      applied[fault] += 1;
      return void sendError(res, 429, { 'retry-after': String(RETRY_AFTER_SECONDS) });
    }
    if (fault === 'server-error') {
      applied[fault] += 1;
      return void sendError(res, attempt % 2 === 0 ? 500 : 503, {});
    }
    if (fault === 'hang') {
      applied[fault] += 1;
      return; // never answered: the client's timeout must fire
    }
    const response = await forward();
    if (fault === 'truncated-stream' && body.stream === true && response.ok) {
      applied[fault] += 1;
      const events = (await response.text()).split('\n\n');
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`${events.slice(0, Math.max(1, Math.floor(events.length / 2))).join('\n\n')}\n\n`);
      // Flush what was written, then drop the connection mid-stream.
      return void setTimeout(() => res.destroy(), 20);
    }
    if (fault === 'malformed-tool-json' && body.stream !== true && response.ok) {
      const completion = (await response.json()) as { choices: { message: { tool_calls?: { function: { arguments: string } }[] } }[] };
      const calls = completion.choices[0]?.message.tool_calls;
      if (calls?.length) {
        applied[fault] += 1;
        calls[0]!.function.arguments = calls[0]!.function.arguments.slice(0, -3);
      }
      return void sendJson(res, 200, completion);
    }
    applied.none += 1;
    return relay(res, response);
  }

  const server = await listen((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 502, {}, (error as Error).message);
    });
  });
  return { ...server, applied };
}

async function relay(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
  res.end(Buffer.from(await response.arrayBuffer()));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, headers: Record<string, string>, message = `injected ${status}`): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error: { message, type: 'server_error', code: null } }));
}
