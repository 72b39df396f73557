/**
 * A proxy in front of the simulator server that makes it look like other servers to the prompt scorer:
 * `byte-tokens` re-cuts every prompt token into UTF-8 byte chunks decoded one by one (as a byte-level BPE
 * server returns them: split characters come back as U+FFFD), its log-probability shared evenly among
 * them; `no-prompt-logprobs` rejects vLLM's `prompt_logprobs` field (as OpenAI does) so only `/completions`
 * works; `no-logprobs` serves neither. Tokens not split keep their value, so segment sums stay the same.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, readBody, sendJson, type RunningServer } from '../../../pipeline/serve/http';

/** How the proxy changes the server. */
export type ProxyMode = 'byte-tokens' | 'no-prompt-logprobs' | 'no-logprobs';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** A token's UTF-8 bytes cut into chunks of at most `size`, each decoded on its own. */
export function byteChunks(token: string, size: number): string[] {
  const bytes = encoder.encode(token);
  const out: string[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(decoder.decode(bytes.subarray(at, at + size)));
  return out;
}

// Splits one (token, logprob) into byte tokens sharing the log-probability.
function split(token: string, logprob: number | null): [string, number | null][] {
  const chunks = /[^\x00-\x7f]/.test(token) ? byteChunks(token, 2) : [token];
  return chunks.map((chunk) => [chunk, logprob === null ? null : logprob / chunks.length]);
}

/** Starts the proxy in front of `upstream` (a base URL ending in /v1). */
export async function startScoringProxy(upstream: string, mode: ProxyMode): Promise<RunningServer> {
  const origin = upstream.replace(/\/v1$/, '');
  return listen((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const text = req.method === 'POST' ? await readBody(req, 64 << 20) : '';
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      const path = req.url ?? '';
      if (mode === 'no-logprobs' && path.endsWith('/completions') && !path.endsWith('/chat/completions')) return sendJson(res, 404, { error: { message: 'no such route', type: 'invalid_request_error', code: 'not_found' } });
      if (mode !== 'byte-tokens' && body.prompt_logprobs !== undefined) {
        return sendJson(res, 400, { error: { message: 'Unrecognized request argument supplied: prompt_logprobs', type: 'invalid_request_error', code: null } });
      }
      const answer = await fetch(`${origin}${path}`, { method: req.method, headers: { 'content-type': 'application/json' }, body: req.method === 'POST' ? text : undefined });
      const json = (await answer.json()) as Record<string, unknown>;
      if (mode === 'byte-tokens' && Array.isArray(json.prompt_logprobs)) {
        json.prompt_logprobs = (json.prompt_logprobs as (Record<string, { logprob: number; decoded_token: string }> | null)[]).flatMap((entry) => {
          if (entry === null) return [null];
          const [id, value] = Object.entries(entry)[0]!;
          return split(value.decoded_token, value.logprob).map(([token, logprob], i) => ({ [`${id}${i}`]: { logprob: logprob!, rank: null, decoded_token: token } }));
        });
      }
      const choice = (json.choices as { logprobs?: { tokens: string[]; token_logprobs: (number | null)[] } }[] | undefined)?.[0];
      if (mode === 'byte-tokens' && choice?.logprobs?.tokens) {
        const pairs = choice.logprobs.tokens.flatMap((token, i) => split(token, choice.logprobs!.token_logprobs[i]!));
        choice.logprobs = { tokens: pairs.map(([token]) => token), token_logprobs: pairs.map(([, logprob]) => logprob) };
      }
      sendJson(res, answer.status, json);
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: String(error), type: 'server_error' } });
    });
  });
}
