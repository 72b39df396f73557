/**
 * The simulator server's prompt scoring (vLLM's `prompt_logprobs` on chat completions, `echo` +
 * `logprobs` on /v1/completions) and its answers to swapped searches (transcript-reading.ts).
 */
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { exactMatch } from '../../../analyses/text/exact-match';
import { givenSearchesNotice, questionMessage, SEARCH_TOOL_DEFINITION, systemPrompt } from '../../../pipeline/chat-protocol/prompts';
import { formatResults } from '../../../pipeline/chat-protocol/search-results';
import { parseTagged } from '../../../pipeline/chat-protocol/tags';
import { renderChat } from '../../../pipeline/serve/chat-template';
import type { ChatMessage } from '../../../pipeline/serve/chat-request';
import { policyLexicon } from '../../../pipeline/serve/scoring/lexicon';
import { PieceScorer } from '../../../pipeline/serve/scoring/scorer';
import { showsEvidence } from '../../../pipeline/serve/transcript-reading';
import { config, smallSetup } from '../simulate/small-setup';
import { useSimServer } from '../../helpers/sim-server';

const setup = smallSetup(3);
const sim = useSimServer(setup);

const messages: ChatMessage[] = [
  { role: 'system', content: systemPrompt('tools', true, 3) },
  { role: 'user', content: questionMessage('Who directed Zoë’s 東京 film? 🎬') },
  { role: 'assistant', content: 'Search it.', tool_calls: [{ id: 'a', type: 'function', function: { name: 'search', arguments: '{"query":"東京 film"}' } }] },
  { role: 'tool', tool_call_id: 'a', content: 'Doc 1 (Title: 東京) 東京 is a film.' },
];

describe('prompt log-probabilities on the simulator server', () => {
  it('returns vLLM’s prompt_logprobs: null for the first piece, then one entry per piece with the scoring model’s value (even for a question it does not know)', async () => {
    const text = renderChat(messages, [SEARCH_TOOL_DEFINITION]).text;
    const expected = new PieceScorer(policyLexicon(config.policies.rl!)).score(text);
    const reply = (await sim.client.post('/chat/completions', { body: { model: 'rl', messages, tools: [SEARCH_TOOL_DEFINITION], max_tokens: 1, prompt_logprobs: 0 } })) as { prompt_logprobs: (Record<string, { logprob: number; decoded_token: string; rank: number | null }> | null)[]; choices: { message: { content: string } }[] };
    expect(reply.prompt_logprobs).toHaveLength(expected.length);
    expect(reply.prompt_logprobs[0]).toBeNull();
    const entries = reply.prompt_logprobs.slice(1).map((entry) => Object.values(entry!));
    expect(entries.every((list) => list.length === 1)).toBe(true);
    expect(entries.map((list) => list[0]!.decoded_token).join('')).toBe(text.slice(expected[0]!.token.length));
    expect(entries.map((list) => list[0]!.logprob)).toEqual(expected.slice(1).map((score) => score.logprob));
    expect(reply.choices[0]!.message.content).toBe('');
  });

  it('gives the prompt token and the k most likely alternatives (ranks 1..k) with prompt_logprobs: k', async () => {
    const text = renderChat(messages).text;
    const expected = new PieceScorer(policyLexicon(config.policies.base!)).score(text, 3);
    const reply = (await sim.client.post('/chat/completions', { body: { model: 'base', messages, max_tokens: 1, prompt_logprobs: 3 } })) as { prompt_logprobs: (Record<string, { logprob: number; rank: number | null; decoded_token: string }> | null)[] };
    reply.prompt_logprobs.slice(1).forEach((entry, i) => {
      const values = Object.values(entry!);
      const score = expected[i + 1]!;
      expect(values.find((value) => value.decoded_token === score.token)?.logprob).toBe(score.logprob);
      const ranked = values.filter((value) => value.rank !== null).sort((a, b) => a.rank! - b.rank!);
      expect(ranked.map((value) => [value.decoded_token, value.logprob])).toEqual(score.top.map((alt) => [alt.token, alt.logprob]));
    });
  });

  it('scores a plain prompt on /v1/completions with echo: tokens that join back to it, the first log-probability null, offsets in code points', async () => {
    const prompt = 'Zoë’s 東京 film 🎬 — Zoë.';
    const reply = (await sim.client.completions.create({ model: 'base', prompt, echo: true, logprobs: 1, max_tokens: 0 })) as unknown as { choices: { text: string; logprobs: { tokens: string[]; token_logprobs: (number | null)[]; text_offset: number[] } }[] };
    const { tokens, token_logprobs: logprobs, text_offset: offsets } = reply.choices[0]!.logprobs;
    const expected = new PieceScorer(policyLexicon(config.policies.base!)).score(prompt);
    expect(tokens.join('')).toBe(prompt);
    expect(logprobs).toEqual([null, ...expected.slice(1).map((score) => score.logprob)]);
    expect(offsets).toEqual(tokens.map((_, i) => [...tokens.slice(0, i).join('')].length));
    expect(reply.choices[0]!.text).toBe(prompt);
  });

  it('refuses what it cannot do, in OpenAI’s error shape', async () => {
    await expect(sim.client.completions.create({ model: 'base', prompt: 'x', max_tokens: 5 })).rejects.toMatchObject({ status: 400, code: 'prompt_scoring_only' });
    await expect(sim.client.completions.create({ model: 'nope', prompt: 'x', echo: true, logprobs: 0 })).rejects.toMatchObject({ status: 404 });
    await expect(sim.client.post('/chat/completions', { body: { model: 'base', messages, prompt_logprobs: 0, stream: true } })).rejects.toMatchObject({ status: 400 });
  });
});

describe('swapped searches on the simulator server', () => {
  const ask = async (model: string, task: (typeof setup.tasks)[number], shown: number[], temperature: number, seed: number) => {
    const docs = shown.map((index) => task.row.docs[index]!);
    const body: OpenAI.ChatCompletionCreateParamsNonStreaming = {
      model,
      temperature,
      seed,
      tools: [SEARCH_TOOL_DEFINITION],
      tool_choice: 'none',
      messages: [
        { role: 'system', content: systemPrompt('tools', true, 3) },
        { role: 'user', content: questionMessage(task.row.question) },
        { role: 'assistant', content: null, tool_calls: [{ id: 'f0', type: 'function', function: { name: 'search', arguments: JSON.stringify({ query: 'forced' }) } }] },
        { role: 'tool', tool_call_id: 'f0', content: formatResults(docs) },
        { role: 'user', content: givenSearchesNotice() },
      ],
    };
    const reply = await sim.client.chat.completions.create(body);
    const action = parseTagged(reply.choices[0]!.message.content ?? '', false);
    return action.kind === 'answer' ? action.answer : null;
  };

  it('answers from what the searches showed: right when every gold paragraph was shown and it reads it right, never right otherwise', async () => {
    for (const task of setup.tasks.filter((t) => t.plans !== 'closed-book')) {
      const gold = task.row.docs.flatMap((doc, i) => (task.row.gold_docs.includes(doc.title) ? [i] : []));
      const others = task.row.docs.flatMap((doc, i) => (task.row.gold_docs.includes(doc.title) ? [] : [i]));
      expect(showsEvidence(task, gold)).toBe(true);
      // At temperature 0 a policy takes its more likely reading: right (integration > 0.5).
      expect(exactMatch(await ask('base', task, [...gold, others[0]!], 0, 1), task.row.answers), task.row.task).toBe(true);
      // Without a gold paragraph it never gives a gold answer, whatever the seed.
      for (let seed = 0; seed < 5; seed++) expect(exactMatch(await ask('rl', task, [gold[0]!, ...others.slice(0, 2)], 1, seed), task.row.answers)).toBe(false);
    }
  });

  it('takes the right value with probability integration when the evidence is complete', async () => {
    const task = setup.tasks.find((t) => t.plans === 'comparison')!;
    const gold = task.row.docs.flatMap((doc, i) => (task.row.gold_docs.includes(doc.title) ? [i] : []));
    let right = 0;
    const n = 300;
    for (let seed = 0; seed < n; seed++) if (exactMatch(await ask('rl', task, gold, 1, seed), task.row.answers)) right += 1;
    const p = config.policies.rl!.integration;
    expect(Math.abs(right / n - p)).toBeLessThan(3.5 * Math.sqrt((p * (1 - p)) / n));
  });
});
