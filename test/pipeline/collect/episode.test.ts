import { describe, expect, it } from 'vitest';
import { createRng } from '../../../analyses/random/rng';
import { NO_MORE_SEARCHES } from '../../../pipeline/chat-protocol/prompts';
import type { ChatReply } from '../../../pipeline/llm/transport';
import { PolicySchema } from '../../../pipeline/collect/config';
import { runEpisode, type ChatFn } from '../../../pipeline/collect/episode';
import { SearchTool } from '../../../pipeline/environment/search/search-tool';
import { assignRounds } from '../../../pipeline/stages/ingest/rounds';
import type { Step } from '../../../pipeline/formats/trajectory';

const docs = [
  { id: 'p1', title: 'Blue Harbor', text: 'Blue Harbor is a 1994 film directed by Mara Voss.' },
  { id: 'p2', title: 'Mara Voss', text: 'Mara Voss is a Veltrian film director.' },
  { id: 'p3', title: 'Red Cliff', text: 'Red Cliff is a film.' },
];
const tool = new SearchTool(docs, 2);

function reply(content: string | null, toolCalls: ChatReply['toolCalls'] = []): ChatReply {
  return { content, toolCalls, finishReason: toolCalls.length ? 'tool_calls' : 'stop', usage: { prompt_tokens: 10, completion_tokens: 2 }, fingerprint: null, latencyMs: 1, attempts: 1 };
}

const search = (query: string, id = 'c') => ({ id, name: 'search', arguments: JSON.stringify({ query }) });

function run(protocol: 'tools' | 'tags', budget: number, script: (body: Record<string, unknown>, turn: number) => ChatReply, extraSteps = 2) {
  const bodies: Record<string, unknown>[] = [];
  const chat: ChatFn = async (body) => {
    bodies.push(structuredClone(body));
    return script(body, bodies.length - 1);
  };
  const policy = PolicySchema.parse({ name: 'p', baseURL: 'http://127.0.0.1:1/v1', model: 'm', protocol });
  return runEpisode({ policy, task: { id: 't', question: 'Who directed Blue Harbor?' }, tool, budget, sample: 0, seed: 5, extraSteps, server: 'x' }, chat).then((trajectory) => ({ trajectory, bodies }));
}

const rounds = (steps: Step[]) => assignRounds(steps).rounds;

describe('the agent loop', () => {
  it('offers no tool at T = 0 and records the answer', async () => {
    for (const protocol of ['tools', 'tags'] as const) {
      const { trajectory, bodies } = await run(protocol, 0, () => reply('It is Mara Voss. <answer>Mara Voss</answer>'));
      expect(bodies).toHaveLength(1);
      expect(bodies[0]!.tools).toBeUndefined();
      expect(bodies[0]!.stop).toBeUndefined();
      expect(JSON.stringify(bodies[0]!.messages)).not.toContain('<search>');
      expect(trajectory.steps).toEqual([{ type: 'think', text: 'It is Mara Voss.' }, { type: 'answer', text: 'Mara Voss' }]);
      expect(trajectory.answer).toBe('Mara Voss');
      expect(trajectory.meta.collect).toMatchObject({ stop: 'answer', turns: 1, rounds: 0, requests: 1, usage: { prompt_tokens: 10, completion_tokens: 2, reported: true } });
    }
  });

  it('runs tool calls as rounds (calls of one message share a round) and tells the model when the budget is spent', async () => {
    const { trajectory, bodies } = await run('tools', 2, (body, turn) =>
      turn === 0 ? reply('Find the film.', [search('Blue Harbor', 'a'), search('Mara Voss', 'b')]) : turn === 1 ? reply(null, [search('Mara Voss nationality')]) : reply('<answer>Veltrian</answer>'),
    );
    expect(bodies.map((body) => body.tool_choice)).toEqual(['auto', 'auto', 'none']);
    const calls = trajectory.steps.filter((step) => step.type === 'call');
    expect(calls.map((step) => (step.type === 'call' ? step.round : -1))).toEqual([1, 1, 2]);
    expect(rounds(trajectory.steps)).toBe(2);
    const results = trajectory.steps.filter((step) => step.type === 'result');
    expect(results[0]).toMatchObject({ type: 'result', tool: 'search', text: tool.search('Blue Harbor').text, docs: tool.search('Blue Harbor').docs });
    const last = bodies[2]!.messages as { role: string; content: string }[];
    expect(last.at(-1)!.content).toContain(NO_MORE_SEARCHES);
    expect(last.filter((m) => m.role === 'tool')).toHaveLength(3);
    expect(trajectory.answer).toBe('Veltrian');
  });

  it('never exceeds the budget, whatever the model does, and stops at the step limit', async () => {
    const rng = createRng(3);
    const actions = [
      () => reply(null, [search('Blue Harbor')]),
      () => reply('<search>Mara Voss</search>'),
      () => reply('thinking, no action'),
      () => reply(null, [{ id: 'x', name: 'search', arguments: '{"query": "Blue' }]),
      () => reply(null, [{ id: 'y', name: 'browse', arguments: '{}' }]),
      () => reply(null, [search('   ')]),
      () => reply('<search></search>'),
    ];
    for (let trial = 0; trial < 300; trial++) {
      const protocol = trial % 2 === 0 ? 'tools' : 'tags';
      const budget = trial % 6;
      const extraSteps = trial % 3;
      const { trajectory, bodies } = await run(protocol, budget, () => (rng.next() < 0.05 ? reply('<answer>x</answer>') : actions[rng.int(actions.length)]!()), extraSteps);
      expect(rounds(trajectory.steps)).toBeLessThanOrEqual(budget);
      expect(trajectory.meta.collect.rounds).toBe(rounds(trajectory.steps));
      expect(bodies.length).toBeLessThanOrEqual(budget + 1 + extraSteps);
      expect(trajectory.meta.collect.turns).toBe(bodies.length);
      if (trajectory.answer === null) {
        expect(trajectory.meta.collect.stop).toBe('step_limit');
        expect(bodies.length).toBe(budget + 1 + extraSteps);
      }
    }
  });

  it('answers invalid actions with a corrective message and counts them', async () => {
    const { trajectory, bodies } = await run('tools', 1, (body, turn) =>
      [
        reply(null, [{ id: 'x', name: 'search', arguments: '{"query": "Blue' }]),
        reply(null, [{ id: 'y', name: 'browse', arguments: '{}' }]),
        reply('no action here'),
        reply('<answer>Mara Voss</answer>'),
      ][turn]!,
    );
    expect(trajectory.meta.collect.invalid_actions).toBe(3);
    expect(trajectory.meta.collect.invalid_kinds).toEqual({ 'bad-arguments': 1, 'unknown-tool': 1, 'no-action': 1 });
    expect(trajectory.steps.filter((step) => step.type === 'call')).toHaveLength(0);
    const messages = bodies[3]!.messages as { role: string; content: string; tool_call_id?: string }[];
    expect(messages.filter((m) => m.role === 'tool').map((m) => m.content.slice(0, 6))).toEqual(['Error:', 'Error:']);
    expect(messages.at(-1)!.role).toBe('user');
    expect(trajectory.answer).toBe('Mara Voss');
  });

  it('in the tags protocol, stops at </search>, inserts <information> and drops text after the closed search', async () => {
    const { trajectory, bodies } = await run('tags', 2, (body, turn) =>
      turn === 0 ? reply('First the film. <search>Blue Harbor</search><information>made up</information>') : turn === 1 ? reply('<search>Mara Voss') : reply('<answer>Veltrian</answer>'),
    );
    expect(bodies[0]!.stop).toEqual(['</search>']);
    const messages = bodies[2]!.messages as { role: string; content: string }[];
    expect(messages[2]).toEqual({ role: 'assistant', content: 'First the film. <search>Blue Harbor</search>' });
    expect(messages[3]!.content.startsWith('<information>\nDoc 1 (Title: Blue Harbor)')).toBe(true);
    expect(messages[4]).toEqual({ role: 'assistant', content: '<search>Mara Voss</search>' });
    expect(messages[5]!.content).toContain(NO_MORE_SEARCHES);
    expect(trajectory.steps.filter((step) => step.type === 'call').map((step) => (step.type === 'call' ? step.args : null))).toEqual([{ query: 'Blue Harbor' }, { query: 'Mara Voss' }]);
    expect(trajectory.answer).toBe('Veltrian');
  });
});
