/**
 * One cell of the swap for one plan episode: the reasoning policy reads the forced conversation and
 * answers. A reply without an answer (or one that tries to search again) gets the collector's
 * corrective message, up to `extraSteps` times; the answer is graded as ingest grades it (normalized
 * exact match and token F1 against the task's answers).
 */
import type OpenAI from 'openai';
import { bestF1 } from '../../../analyses/text/f1';
import { exactMatch } from '../../../analyses/text/exact-match';
import { correction, SEARCH_TOOL_DEFINITION } from '../../chat-protocol/prompts';
import { parseTagged } from '../../chat-protocol/tags';
import { policyRequest, type PolicySettings } from '../../collect/config';
import type { PolicyTransport } from '../../llm/transport';

type Message = OpenAI.ChatCompletionMessageParam;

/** The reasoning policy's answer and its grade. */
export interface Reasoned {
  answer: string | null;
  correct: boolean;
  f1: number;
  requests: number;
}

/** Asks the reasoning policy for its answer to the forced conversation. */
export async function reasonOnPlan(
  policy: PolicySettings,
  transport: PolicyTransport,
  conversation: readonly Message[],
  answers: readonly string[],
  settings: { seed: number; extraSteps: number; signal: AbortSignal; key: string },
): Promise<Reasoned> {
  const messages: Message[] = [...conversation];
  const tools = policy.protocol === 'tools';
  let requests = 0;
  for (let turn = 0; turn <= settings.extraSteps; turn++) {
    const reply = await transport.chat(
      {
        ...policyRequest(policy, messages, settings.seed),
        ...(tools ? { tools: [SEARCH_TOOL_DEFINITION], tool_choice: 'none' } : {}),
      },
      settings.signal,
      settings.key,
    );
    requests += reply.attempts;
    const text = reply.content ?? '';
    const action = parseTagged(text, !tools);
    if (action.kind === 'answer' && reply.toolCalls.length === 0) {
      return { answer: action.answer, correct: exactMatch(action.answer, answers), f1: bestF1(action.answer, answers), requests };
    }
    // No answer: another search (refused: the searches are over) or no action at all.
    const kind = reply.toolCalls.length > 0 || action.kind === 'search' ? 'search-after-budget' : 'no-action';
    if (reply.toolCalls.length > 0) {
      messages.push({ role: 'assistant', content: reply.content, tool_calls: reply.toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })) });
      for (const call of reply.toolCalls) messages.push({ role: 'tool', tool_call_id: call.id, content: correction(kind) });
    } else messages.push({ role: 'assistant', content: text }, { role: 'user', content: correction(kind) });
  }
  return { answer: null, correct: false, f1: 0, requests };
}
