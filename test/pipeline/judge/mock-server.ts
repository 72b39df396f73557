/**
 * A local OpenAI-compatible chat-completions server for the judge tests, on 127.0.0.1 at a random port.
 * A script decides per (episode id, attempt) whether to answer well, answer garbage, refuse with 429/500/400
 * or hang. It records every request, tracks how many were in flight at once, and stops itself after
 * `lifetimeMs` even if a test forgets to close it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the server does with one request. */
export type MockBehaviour =
  | { kind: 'ok'; label: string }
  | { kind: 'not-json' }
  | { kind: 'wrong-schema' }
  | { kind: 'fenced'; label: string }
  | { kind: 'status'; status: 429 | 500 | 400 | 503; retryAfter?: string }
  | { kind: 'hang' };

/** A running mock server. */
export interface MockJudgeServer {
  /** Base URL to give the OpenAI client (ends in /v1). */
  url: string;
  /** Requests received per episode id. */
  requests: Map<string, number>;
  /** Total requests received. */
  total(): number;
  /** Largest number of requests in flight at the same time. */
  maxInFlight(): number;
  /** Request bodies received (parsed JSON). */
  bodies: unknown[];
  close(): Promise<void>;
}

/** Starts the server; `script(id, attempt)` picks the behaviour (attempt counts from 0 per id). */
export async function startMockJudge(script: (id: string, attempt: number) => MockBehaviour, lifetimeMs = 30_000): Promise<MockJudgeServer> {
  const requests = new Map<string, number>();
  const bodies: unknown[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let peak = 0;

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model: string; messages: { content: string }[] };
    bodies.push(body);
    const user = body.messages[body.messages.length - 1]?.content ?? '';
    const id = /^Episode: (.+)$/m.exec(user)?.[1] ?? '?';
    const attempt = requests.get(id) ?? 0;
    requests.set(id, attempt + 1);
    const behaviour = script(id, attempt);
    switch (behaviour.kind) {
      case 'hang':
        return; // never answer: the client must time out
      case 'status': {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (behaviour.retryAfter !== undefined) headers['retry-after'] = behaviour.retryAfter;
        res.writeHead(behaviour.status, headers).end(JSON.stringify({ error: { message: `mock ${behaviour.status}`, type: 'mock' } }));
        return;
      }
      case 'ok':
        return reply(res, body.model, JSON.stringify({ label: behaviour.label, rationale: `mock says ${behaviour.label}` }));
      case 'fenced':
        return reply(res, body.model, '```json\n' + JSON.stringify({ label: behaviour.label, rationale: 'fenced' }) + '\n```');
      case 'not-json':
        return reply(res, body.model, '{"label": "verify", "rationale": unterminated');
      case 'wrong-schema':
        return reply(res, body.model, JSON.stringify({ label: 'teleport', reason: 'not in the taxonomy' }));
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
    return closed;
  };
  setTimeout(() => void close(), lifetimeMs).unref();
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    total: () => [...requests.values()].reduce((a, b) => a + b, 0),
    maxInFlight: () => peak,
    bodies,
    close,
  };
}

function reply(res: ServerResponse, model: string, content: string): void {
  const completion = {
    id: 'chatcmpl-mock',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion));
}
