/**
 * The agent loop of one episode, as the study runs it: the question; the search tool offered as a
 * function (tools protocol) or described in the prompt (tags: Search-R1 style, stop at </search>,
 * results as <information>); after T rounds the model is told no more searches are available and must
 * answer; at T = 0 no tool is offered. An invalid action (no action, malformed or unknown call, empty
 * query, a search past the budget) gets a corrective message and counts toward the step limit
 * T + 1 + extraSteps. The budget can never be exceeded: a search past it is refused, not run.
 */
import type OpenAI from 'openai';
import {
  budgetSpentNotice,
  correction,
  questionMessage,
  SEARCH_TOOL_DEFINITION,
  systemPrompt,
  TAGS_STOP,
  type InvalidAction,
} from '../chat-protocol/prompts';
import { formatResults, informationBlock } from '../chat-protocol/search-results';
import { parseTagged } from '../chat-protocol/tags';
import { SEARCH_TOOL, type SearchTool } from '../environment/search/search-tool';
import type { Step, Trajectory } from '../formats/trajectory';
import type { ChatReply } from '../llm/transport';
import { policyRequest, type PolicySettings } from './config';
import { collectMeta, recordReply, type CollectMeta } from './episode-meta';

/** Sends one model turn (the transport, with its retries). */
export type ChatFn = (body: Record<string, unknown>) => Promise<ChatReply>;

/** One episode to run. */
export interface EpisodeSpec {
  policy: PolicySettings;
  task: { id: string; question: string };
  tool: SearchTool;
  budget: number;
  sample: number;
  /** The request seed of every turn (undefined: none sent). */
  seed: number | undefined;
  extraSteps: number;
  /** The server's name for meta (never a key). */
  server: string;
}

type Message = OpenAI.ChatCompletionMessageParam;

/** Runs one episode and returns its FORMAT.md trajectory. */
export async function runEpisode(spec: EpisodeSpec, chat: ChatFn): Promise<Trajectory & { meta: { collect: CollectMeta } }> {
  const { policy, budget } = spec;
  const tools = policy.protocol === 'tools' && budget > 0;
  const messages: Message[] = [
    { role: 'system', content: systemPrompt(policy.protocol, budget > 0, spec.tool.topK) },
    { role: 'user', content: questionMessage(spec.task.question) },
  ];
  const steps: Step[] = [];
  const meta = collectMeta(spec);
  let rounds = 0;
  let answer: string | null = null;

  const notice = (role: 'user' | 'tool', text: string) => steps.push({ type: 'message', role, text });
  const think = (text: string) => {
    if (text.trim() !== '') steps.push({ type: 'think', text: text.trim() });
  };
  const invalid = (kind: InvalidAction) => {
    meta.invalid_actions += 1;
    meta.invalid_kinds[kind] = (meta.invalid_kinds[kind] ?? 0) + 1;
  };
  const search = (query: string) => {
    const result = spec.tool.search(query);
    steps.push({ type: 'call', tool: SEARCH_TOOL, args: { query }, round: rounds });
    steps.push({ type: 'result', tool: SEARCH_TOOL, text: result.text, docs: result.docs.map((doc) => ({ ...doc })) });
    return result;
  };

  const stepLimit = budget + 1 + spec.extraSteps;
  while (meta.turns < stepLimit) {
    meta.turns += 1;
    const body: Record<string, unknown> = {
      ...policyRequest(policy, messages, spec.seed),
      ...(tools ? { tools: [SEARCH_TOOL_DEFINITION], tool_choice: rounds < budget ? 'auto' : 'none' } : {}),
      ...(policy.protocol === 'tags' && budget > 0 ? { stop: tagsStop(policy.extra.stop) } : {}),
    };
    const reply = await chat(body);
    recordReply(meta, reply);
    const text = reply.content ?? '';

    if (policy.protocol === 'tools' && reply.toolCalls.length > 0) {
      messages.push({
        role: 'assistant',
        content: reply.content,
        tool_calls: reply.toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })),
      });
      think(text);
      const checked = reply.toolCalls.map((call) => ({ call, problem: rounds >= budget ? ({ kind: 'search-after-budget' } as CallCheck) : checkCall(call) }));
      const valid = checked.filter((entry) => !('kind' in entry.problem));
      if (valid.length > 0) rounds += 1;
      for (const { call, problem } of checked) {
        let shown: string;
        if ('kind' in problem) {
          invalid(problem.kind);
          shown = correction(problem.kind, problem.detail);
          notice('tool', shown);
        } else shown = formatResults(search(problem.query).docs);
        messages.push({ role: 'tool', tool_call_id: call.id, content: shown });
      }
      if (valid.length > 0 && rounds === budget) {
        messages.push({ role: 'user', content: budgetSpentNotice(budget) });
        notice('user', budgetSpentNotice(budget));
      }
      continue;
    }

    const action = parseTagged(text, policy.protocol === 'tags');
    if (action.kind === 'answer') {
      think(action.reasoning);
      answer = action.answer;
      steps.push({ type: 'answer', text: answer });
      meta.stop = 'answer';
      break;
    }
    if (action.kind === 'search' && rounds < budget && action.query !== '') {
      rounds += 1;
      think(action.reasoning);
      const shown = search(action.query).docs;
      // The conversation keeps the text up to the closed search, as Search-R1 does; anything after it is dropped.
      messages.push({ role: 'assistant', content: `${text.slice(0, text.indexOf('<search>'))}<search>${action.query}</search>` });
      const information = informationBlock(shown);
      messages.push({ role: 'user', content: rounds === budget ? `${information}\n\n${budgetSpentNotice(budget)}` : information });
      if (rounds === budget) notice('user', budgetSpentNotice(budget));
      continue;
    }
    const kind: InvalidAction = action.kind === 'none' ? 'no-action' : action.query === '' ? 'empty-query' : 'search-after-budget';
    invalid(kind);
    think(text);
    messages.push({ role: 'assistant', content: text }, { role: 'user', content: correction(kind) });
    notice('user', correction(kind));
  }
  return { policy: policy.name, task: spec.task.id, sample: spec.sample, budget, steps, answer, meta: { collect: { ...meta, rounds } } };
}

// The tags protocol's stop sequence, plus any the config's extra fields ask for.
function tagsStop(extra: unknown): string[] {
  const more = typeof extra === 'string' ? [extra] : Array.isArray(extra) ? extra.filter((stop): stop is string => typeof stop === 'string') : [];
  return [...new Set([...TAGS_STOP, ...more])];
}

type CallCheck = { query: string } | { kind: InvalidAction; detail?: string };

// A call is valid when it names the search tool with a JSON object holding a non-empty "query" string.
function checkCall(call: { name: string; arguments: string }): CallCheck {
  if (call.name !== SEARCH_TOOL) return { kind: 'unknown-tool', detail: call.name };
  let args: unknown;
  try {
    args = JSON.parse(call.arguments);
  } catch (error) {
    return { kind: 'bad-arguments', detail: (error as Error).message };
  }
  const query = typeof args === 'object' && args !== null ? (args as { query?: unknown }).query : undefined;
  if (typeof query !== 'string') return { kind: 'bad-arguments', detail: 'no "query" string' };
  if (query.trim() === '') return { kind: 'empty-query' };
  return { query: query.trim() };
}
