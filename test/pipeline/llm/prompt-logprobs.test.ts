/**
 * Prompt log-probabilities through the real transport: detection of the method a server supports, the
 * same numbers by chat completions (`prompt_logprobs`) and completions (`echo`), the scoring model's own
 * numbers per segment, and characters split over byte tokens (CJK, emoji, accents) mapped exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartedMessage, Segment } from '../../../pipeline/chat-protocol/parts';
import { simulatorTemplate } from '../../../pipeline/chat-protocol/templates/simulator';
import { UserError } from '../../../pipeline/errors';
import { offeredTools, renderedPieces } from '../../../pipeline/llm/conversation-pieces';
import { detectMethod, PromptScorer } from '../../../pipeline/llm/prompt-logprobs';
import { endpoint, PolicyTransport, RequestBudget } from '../../../pipeline/llm/transport';
import type { RunningServer } from '../../../pipeline/serve/http';
import { policyLexicon } from '../../../pipeline/serve/scoring/lexicon';
import { pieces } from '../../../pipeline/serve/scoring/pieces';
import { PieceScorer } from '../../../pipeline/serve/scoring/scorer';
import { startSimServer } from '../../../pipeline/serve/server';
import { config } from '../simulate/small-setup';
import { startScoringProxy, type ProxyMode } from './scoring-proxy';

/** A conversation with multi-byte text in every segment. */
const CONVERSATION: PartedMessage[] = [
  { role: 'system', content: [{ text: 'Answer the question. You can call the search tool.', segment: null }] },
  { role: 'user', content: [{ text: 'Question: Who directed 東京物語 — and which film did Zoë Müller 🎬 star in?', segment: null }] },
  { role: 'assistant', content: [{ text: 'Look up 東京物語 first, then Zoë Müller.', segment: 'reasoning' }], toolCalls: [{ id: 'c0', name: 'search', query: '東京物語 director' }, { id: 'c1', name: 'search', query: 'Zoë "Müller" 🎬' }] },
  { role: 'tool', toolCallId: 'c0', content: [{ text: 'Doc 1 (Title: 東京物語) 東京物語 is a 1953 film directed by 小津安二郎.', segment: null }] },
  { role: 'tool', toolCallId: 'c1', content: [{ text: 'Doc 1 (Title: Zoë Müller) Zoë Müller starred in Café Noir.', segment: null }] },
  { role: 'assistant', content: [{ text: 'It is 小津安二郎; she starred in Café Noir 🎬.', segment: 'reasoning' }, { text: ' ', segment: null }, { text: '<answer>', segment: null }, { text: '小津安二郎, Café Noir', segment: 'answer' }, { text: '</answer>', segment: null }] },
];
const TOOLS = offeredTools(true);

/** The scoring model's sums per segment, computed directly: its pieces of the rendered text, each given the segment of its characters. */
function expectedSums(lexicon = policyLexicon(config.policies.base!)): Record<Segment, { tokens: number; nats: number }> {
  const { text, pieces: parts } = renderedPieces(CONVERSATION, simulatorTemplate, TOOLS);
  const owner: (Segment | null)[] = [];
  for (const part of parts) for (let i = 0; i < part.text.length; i++) owner.push(part.segment);
  const scores = new PieceScorer(lexicon).score(text);
  const sums = { query: { tokens: 0, nats: 0 }, reasoning: { tokens: 0, nats: 0 }, answer: { tokens: 0, nats: 0 } };
  let at = 0;
  scores.forEach((score, i) => {
    const segment = owner[at];
    // Sim pieces never straddle a segment boundary (the markup around segments is its own pieces).
    for (let c = at; c < at + score.token.length; c++) expect(owner[c]).toBe(segment);
    if (segment && i > 0) {
      sums[segment].tokens += 1;
      sums[segment].nats -= score.logprob;
    }
    at += score.token.length;
  });
  expect(at).toBe(text.length);
  expect(scores.map((s) => s.token)).toEqual(pieces(text));
  return sums;
}

describe('prompt log-probabilities', () => {
  let sim: RunningServer;
  const proxies: RunningServer[] = [];
  const signal = new AbortController().signal;
  const transportTo = (url: string) => new PolicyTransport([endpoint(url, undefined, 20_000)], false, { timeoutMs: 20_000, retries: 0, baseMs: 1, maxMs: 1 }, new RequestBudget(undefined));
  const proxied = async (mode: ProxyMode) => {
    const proxy = await startScoringProxy(sim.url, mode);
    proxies.push(proxy);
    return transportTo(proxy.url);
  };
  beforeAll(async () => {
    sim = await startSimServer({ tasks: [], policies: config.policies });
  });
  afterAll(async () => {
    for (const proxy of proxies) await proxy.close();
    await sim.close();
  });

  it('gives the scoring model’s own numbers per segment, the same by chat completions and by completions', async () => {
    const expected = expectedSums();
    for (const method of ['chat', 'completions'] as const) {
      const sums = await new PromptScorer(transportTo(sim.url), 'base', method, simulatorTemplate).score(CONVERSATION, TOOLS, signal, 'k');
      for (const segment of ['query', 'reasoning', 'answer'] as const) {
        expect(sums.segments[segment].tokens, `${method} ${segment}`).toBe(expected[segment].tokens);
        expect(sums.segments[segment].nats, `${method} ${segment}`).toBeCloseTo(expected[segment].nats, 9);
      }
      expect(sums.unscored).toBe(0);
    }
  });

  it('maps byte-level tokens (characters split over tokens come back as U+FFFD) onto the same segments: the same sums, more tokens', async () => {
    const expected = expectedSums();
    for (const method of ['chat', 'completions'] as const) {
      const sums = await new PromptScorer(await proxied('byte-tokens'), 'base', method, simulatorTemplate).score(CONVERSATION, TOOLS, signal, 'k');
      for (const segment of ['query', 'reasoning', 'answer'] as const) {
        expect(sums.segments[segment].nats, `${method} ${segment}`).toBeCloseTo(expected[segment].nats, 9);
        expect(sums.segments[segment].tokens, `${method} ${segment}`).toBeGreaterThan(expected[segment].tokens);
      }
    }
  });

  it('detects the method: chat completions where prompt_logprobs works, else completions with echo', async () => {
    expect((await detectMethod(transportTo(sim.url), 'base', simulatorTemplate, { messages: CONVERSATION, tools: TOOLS }, signal)).scorer.method).toBe('chat');
    const fallback = await detectMethod(await proxied('no-prompt-logprobs'), 'base', simulatorTemplate, { messages: CONVERSATION, tools: TOOLS }, signal);
    expect(fallback.scorer.method).toBe('completions');
    expect(fallback.sums.segments.reasoning.nats).toBeCloseTo(expectedSums().reasoning.nats, 9);
  });

  it('fails with one message naming both methods when neither works', async () => {
    const transport = await proxied('no-logprobs');
    const attempt = detectMethod(transport, 'base', simulatorTemplate, { messages: CONVERSATION, tools: TOOLS }, signal);
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(detectMethod(transport, 'base', simulatorTemplate, { messages: CONVERSATION, tools: TOOLS }, signal)).rejects.toThrow(/prompt_logprobs.*Unrecognized request argument.*\/v1\/completions with echo \+ logprobs.*404/);
  });
});
