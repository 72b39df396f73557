import OpenAI, { BadRequestError, NotFoundError } from 'openai';
import { describe, expect, it } from 'vitest';
import { questionMessage, SEARCH_TOOL_DEFINITION, systemPrompt, TAGS_STOP } from '../../../pipeline/chat-protocol/prompts';
import { informationBlock, formatResults } from '../../../pipeline/chat-protocol/search-results';
import { SearchTool } from '../../../pipeline/environment/search/search-tool';
import { pieces } from '../../../pipeline/serve/scoring/pieces';
import { config, smallSetup } from '../simulate/small-setup';
import { useSimServer } from '../../helpers/sim-server';

const setup = smallSetup(3);
const bridge = setup.tasks.find((task) => task.plans === 'bridge')!;
const tool = new SearchTool(bridge.row.docs, 3, config.bm25);
const sim = useSimServer(setup);

type Message = OpenAI.ChatCompletionMessageParam;

// A whole tools-protocol episode through the client; returns the searches and the final text.
async function toolsEpisode(model: string, seed: number, budget: number, stream: boolean) {
  const messages: Message[] = [
    { role: 'system', content: systemPrompt('tools', true, 3) },
    { role: 'user', content: questionMessage(bridge.row.question) },
  ];
  const searches: string[] = [];
  for (let turn = 0; turn < 10; turn++) {
    const request = { model, messages, seed, tools: [SEARCH_TOOL_DEFINITION], tool_choice: searches.length < budget ? ('auto' as const) : ('none' as const) };
    const whole = await sim.client.chat.completions.create({ ...request, stream: false });
    const message = whole.choices[0]!.message;
    if (stream) {
      // The stream must carry exactly the same message.
      let content = '';
      const args: string[] = [];
      let finish: string | null = null;
      let usage: OpenAI.CompletionUsage | undefined;
      for await (const chunk of await sim.client.chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } })) {
        if (chunk.usage) usage = chunk.usage;
        const choice = chunk.choices[0];
        if (!choice) continue;
        content += choice.delta.content ?? '';
        for (const call of choice.delta.tool_calls ?? []) args[call.index] = (args[call.index] ?? '') + (call.function?.arguments ?? '');
        finish = choice.finish_reason ?? finish;
      }
      expect(content).toBe(message.content ?? '');
      expect(args).toEqual((message.tool_calls ?? []).map((call) => (call.type === 'function' ? call.function.arguments : '')));
      expect(finish).toBe(whole.choices[0]!.finish_reason);
      expect(usage).toEqual(whole.usage);
    }
    if (!message.tool_calls?.length) return { searches, content: message.content ?? '', finish: whole.choices[0]!.finish_reason, fingerprint: whole.system_fingerprint };
    messages.push(message);
    for (const call of message.tool_calls) {
      if (call.type !== 'function') throw new Error('not a function call');
      const { query } = JSON.parse(call.function.arguments) as { query: string };
      searches.push(query);
      messages.push({ role: 'tool', tool_call_id: call.id, content: formatResults(tool.search(query).docs) });
    }
  }
  throw new Error('no answer in 10 turns');
}

describe('the simulator server through the openai client', () => {
  it('lists the simulated policies as models owned by the simulator', async () => {
    const models = (await sim.client.models.list()).data;
    expect(models.map((m) => m.id)).toEqual(['base', 'rl', 'sft']);
    expect(new Set(models.map((m) => m.owned_by))).toEqual(new Set(['passkt-simulator']));
  });

  it('plays whole tools-protocol episodes, the stream carrying the same message as the plain response', async () => {
    let searched = 0;
    for (const [i, model] of ['base', 'rl', 'sft'].entries()) {
      for (const seed of [1, 2]) {
        const episode = await toolsEpisode(model, seed * 10 + i, 3, seed === 1);
        expect(episode.searches.length).toBeLessThanOrEqual(3);
        expect(episode.fingerprint).toBe('passkt-simulator');
        expect(episode.finish).toBe('stop');
        expect(episode.content).toMatch(/<answer>.+<\/answer>$|^I could not find the answer\.$/);
        searched += episode.searches.length;
        // Same seed, same episode.
        expect(await toolsEpisode(model, seed * 10 + i, 3, false)).toEqual(episode);
      }
    }
    expect(searched).toBeGreaterThan(0);
  });

  it('speaks the tags protocol when no tool is offered, honouring the stop sequence', async () => {
    const messages: Message[] = [
      { role: 'system', content: systemPrompt('tags', true, 3) },
      { role: 'user', content: questionMessage(bridge.row.question) },
    ];
    let searches = 0;
    for (let turn = 0; turn < 8; turn++) {
      const reply = await sim.client.chat.completions.create({ model: 'rl', messages, seed: 4, stop: [...TAGS_STOP] });
      const text = reply.choices[0]!.message.content!;
      expect(reply.choices[0]!.message.tool_calls).toBeUndefined();
      expect(text).not.toContain('</search>');
      const open = text.lastIndexOf('<search>');
      if (open === -1) {
        expect(text).toMatch(/<answer>.+<\/answer>$/);
        expect(searches).toBeGreaterThan(0);
        return;
      }
      const query = text.slice(open + '<search>'.length);
      searches += 1;
      messages.push({ role: 'assistant', content: `${text}</search>` }, { role: 'user', content: informationBlock(tool.search(query).docs) });
    }
    throw new Error('no answer');
  });

  it('returns per-piece log-probabilities that concatenate to the content, streamed or not', async () => {
    const request = { model: 'base', seed: 3, messages: [{ role: 'user' as const, content: questionMessage(bridge.row.question) }], logprobs: true, top_logprobs: 3 };
    const reply = await sim.client.chat.completions.create(request);
    const content = reply.choices[0]!.message.content!;
    const tokens = reply.choices[0]!.logprobs!.content!;
    expect(tokens.map((t) => t.token).join('')).toBe(content);
    expect(tokens.map((t) => t.token)).toEqual(pieces(content));
    for (const token of tokens) {
      expect(token.logprob).toBeLessThanOrEqual(0);
      expect(Buffer.from(token.bytes!).toString('utf8')).toBe(token.token);
      expect(token.top_logprobs).toHaveLength(3);
    }
    expect(reply.usage!.completion_tokens).toBe(tokens.length);
    const streamed: OpenAI.ChatCompletionTokenLogprob[] = [];
    for await (const chunk of await sim.client.chat.completions.create({ ...request, stream: true })) streamed.push(...(chunk.choices[0]?.logprobs?.content ?? []));
    expect(streamed).toEqual(tokens);
  });

  it('cuts at max_tokens with finish_reason "length"', async () => {
    const reply = await sim.client.chat.completions.create({ model: 'rl', seed: 1, max_tokens: 2, messages: [{ role: 'user', content: questionMessage(bridge.row.question) }] });
    expect(reply.choices[0]!.finish_reason).toBe('length');
    expect(pieces(reply.choices[0]!.message.content!).length).toBeLessThanOrEqual(2);
    expect(reply.usage!.completion_tokens).toBeLessThanOrEqual(2);
  });

  it('answers mistakes with OpenAI-style errors that say what to do', async () => {
    const ask = (body: Record<string, unknown>) => sim.client.chat.completions.create({ model: 'rl', messages: [{ role: 'user', content: questionMessage(bridge.row.question) }], ...body } as never);
    await expect(ask({ model: 'gpt-4o' })).rejects.toThrow(NotFoundError);
    await expect(ask({ model: 'gpt-4o' })).rejects.toThrow(/serves base, rl, sft/);
    await expect(ask({ messages: [{ role: 'user', content: 'Question: What is the airspeed of a swallow?' }] })).rejects.toThrow(BadRequestError);
    await expect(ask({ messages: [{ role: 'user', content: 'Question: What is the airspeed of a swallow?' }] })).rejects.toThrow(/does not know this question/);
    await expect(ask({ n: 2 })).rejects.toThrow(/n = 1/);
    await expect(ask({ messages: [{ role: 'wizard', content: 'x' }] })).rejects.toThrow(BadRequestError);
    const raw = await fetch(`${sim.server.url}/chat/completions`, { method: 'POST', body: '{not json' });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });
});
