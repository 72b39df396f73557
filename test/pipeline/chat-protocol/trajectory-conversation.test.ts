/**
 * The conversation rebuilt from a trajectory is the one the policy saw: for episodes collected from the
 * simulator server (both protocols, every budget) and scripted ones (reasoning, parallel calls, budget
 * notices, corrections), the rebuilt messages equal the collector's last request plus the final reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatMessages } from '../../../pipeline/chat-protocol/parts';
import { trajectoryConversation } from '../../../pipeline/chat-protocol/trajectory-conversation';
import { PolicySchema } from '../../../pipeline/collect/config';
import { runEpisode, type ChatFn } from '../../../pipeline/collect/episode';
import { SearchTool } from '../../../pipeline/environment/search/search-tool';
import type { RunningServer } from '../../../pipeline/serve/http';
import { startSimServer } from '../../../pipeline/serve/server';
import { endpoint, PolicyTransport, RequestBudget, type ChatReply } from '../../../pipeline/llm/transport';
import { config, smallSetup } from '../simulate/small-setup';

type Message = { role: string; content?: unknown; tool_calls?: { function: { name: string; arguments: string } }[] };

// Messages without what a server does not read from them: call ids, and null content as empty.
function comparable(messages: readonly Message[]) {
  return messages.map((message) => ({
    role: message.role,
    content: message.content ?? '',
    calls: (message.tool_calls ?? []).map((call) => [call.function.name, call.function.arguments]),
  }));
}

/** Runs an episode, recording the requests; returns what the policy saw last and the trajectory. */
async function recorded(protocol: 'tools' | 'tags', budget: number, question: string, tool: SearchTool, answer: ChatFn, seed = 3) {
  const bodies: Record<string, unknown>[] = [];
  let last: ChatReply | undefined;
  const chat: ChatFn = async (body) => {
    bodies.push(structuredClone(body));
    return (last = await answer(body));
  };
  const policy = PolicySchema.parse({ name: 'rl', baseURL: 'sim', model: 'rl', protocol });
  const trajectory = await runEpisode({ policy, task: { id: 't', question }, tool, budget, sample: 0, seed, extraSteps: 2, server: 'sim' }, chat);
  const seen = [...(bodies[bodies.length - 1]!.messages as Message[]), { role: 'assistant', content: last!.content, tool_calls: last!.toolCalls.map((call) => ({ function: { name: call.name, arguments: call.arguments } })) }];
  return { trajectory, seen };
}

describe('trajectoryConversation', () => {
  const setup = smallSetup(4);
  let server: RunningServer;
  let transport: PolicyTransport;
  beforeAll(async () => {
    server = await startSimServer({ tasks: setup.tasks, world: setup.world, policies: config.policies });
    transport = new PolicyTransport([endpoint(server.url, undefined, 20_000)], false, { timeoutMs: 20_000, retries: 0, baseMs: 1, maxMs: 1 }, new RequestBudget(undefined));
  });
  afterAll(() => server.close());

  it('rebuilds what the simulator policies saw, turn by turn, in both protocols at every budget', async () => {
    let compared = 0;
    for (const protocol of ['tools', 'tags'] as const) {
      for (const task of setup.tasks) {
        for (const budget of [0, 1, 2, 5]) {
          for (const seed of [1, 2]) {
            const tool = new SearchTool(task.row.docs, 3, config.bm25);
            const signal = new AbortController().signal;
            const { trajectory, seen } = await recorded(protocol, budget, task.row.question, tool, (body) => transport.chat(body, signal, 'k'), seed);
            const rebuilt = chatMessages(trajectoryConversation(trajectory.steps, task.row.question, budget, { protocol, topK: 3 }));
            expect(comparable(rebuilt as Message[]), `${protocol} ${task.row.task} T=${budget}`).toEqual(comparable(seen));
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(2 * setup.tasks.length * 8);
  });

  it('rebuilds scripted turns: reasoning before calls, parallel calls, the budget notice, a turn without an action', async () => {
    const docs = [
      { id: 'p1', title: 'Blue Harbor', text: 'Blue Harbor is a 1994 film directed by Zoë Müller.' },
      { id: 'p2', title: 'Zoë Müller', text: 'Zoë Müller is a Veltrian film director (東京).' },
    ];
    const tool = new SearchTool(docs, 2);
    const reply = (content: string | null, calls: string[] = []): ChatReply => ({
      content,
      toolCalls: calls.map((query, i) => ({ id: `id${i}`, name: 'search', arguments: JSON.stringify({ query }) })),
      finishReason: calls.length ? 'tool_calls' : 'stop',
      usage: null,
      fingerprint: null,
      latencyMs: 1,
      attempts: 1,
    });
    const tools = [reply('Look up both.', ['Blue Harbor', 'Zoë "Müller"']), reply(null, ['東京 director']), reply('Hmm.'), reply('It says Veltrian. <answer>Veltrian</answer>')];
    const tags = [reply('First the film. <search>Blue Harbor'), reply('Hmm.'), reply('<search>Zoë Müller'), reply('Found it. <answer>Veltrian</answer>')];
    for (const [protocol, script] of [['tools', tools], ['tags', tags]] as const) {
      let turn = 0;
      const { trajectory, seen } = await recorded(protocol, 2, 'Which nationality is the director of Blue Harbor?', tool, async () => script[turn++]!);
      const rebuilt = chatMessages(trajectoryConversation(trajectory.steps, 'Which nationality is the director of Blue Harbor?', 2, { protocol, topK: 2 }));
      expect(comparable(rebuilt as Message[])).toEqual(comparable(seen));
    }
  });

  it('tags each text with its segment: queries, reasoning, the answer; prompts and results excluded', () => {
    const messages = trajectoryConversation(
      [
        { type: 'think', text: 'Find it.' },
        { type: 'call', tool: 'search', args: { query: 'Blue Harbor' }, round: 1 },
        { type: 'result', tool: 'search', text: 'x', docs: [{ title: 'Blue Harbor', text: 'A film.' }] },
        { type: 'think', text: 'So.' },
        { type: 'answer', text: 'Veltrian' },
      ],
      'Q?',
      1,
      { protocol: 'tools', topK: 3 },
    );
    const tagged = messages.flatMap((m) => [...m.content.map((p) => [p.segment, p.text]), ...(m.toolCalls ?? []).map((c) => ['query', c.query])]);
    expect(tagged.filter(([segment]) => segment !== null)).toEqual([
      ['reasoning', 'Find it.'],
      ['query', 'Blue Harbor'],
      ['reasoning', 'So.'],
      ['answer', 'Veltrian'],
    ]);
  });
});
