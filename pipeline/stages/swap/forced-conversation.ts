/**
 * The conversation of a swap: the reasoning policy's system prompt and the question, then the plan
 * policy's searches replayed verbatim as if the reasoning policy had made them — forced tool calls with
 * their results (tools protocol), or `<search>` messages answered by `<information>` (tags protocol),
 * round by round — and a notice that the searches were made for it and it must answer now. The plan
 * policy's own reasoning is left out: the reasoning is the other policy's to write.
 */
import type OpenAI from 'openai';
import { givenSearchesNotice, questionMessage, systemPrompt, type Protocol } from '../../chat-protocol/prompts';
import { formatResults, informationBlock } from '../../chat-protocol/search-results';
import type { Step } from '../../formats/trajectory';
import { SEARCH_TOOL } from '../../environment/search/search-tool';

type Message = OpenAI.ChatCompletionMessageParam;

/** The searches of a plan: per round, each call's query and the paragraphs its result showed. */
export function planRounds(steps: readonly Step[]): { query: string; docs: { id: string; title: string; text: string }[]; text: string }[][] {
  const rounds: { query: string; docs: { id: string; title: string; text: string }[]; text: string }[][] = [];
  const waiting: { query: string; round: number }[] = [];
  let round = -1;
  steps.forEach((step, index) => {
    if (step.type === 'call' && step.tool === SEARCH_TOOL) {
      const query = typeof step.args === 'string' ? step.args : typeof step.args.query === 'string' ? step.args.query : JSON.stringify(step.args);
      waiting.push({ query, round: step.round ?? -1 - index });
    } else if (step.type === 'result' && step.tool === SEARCH_TOOL) {
      const call = waiting.shift();
      if (!call) return;
      const docs = (step.docs ?? []).map((doc) => ({ id: doc.id ?? '', title: doc.title ?? '', text: doc.text }));
      if (call.round !== round || rounds.length === 0) rounds.push([]);
      round = call.round;
      rounds[rounds.length - 1]!.push({ query: call.query, docs, text: step.text });
    }
  });
  return rounds;
}

/** The swap conversation for a reasoning policy of this protocol. */
export function forcedConversation(steps: readonly Step[], question: string, protocol: Protocol, topK: number): Message[] {
  const messages: Message[] = [
    { role: 'system', content: systemPrompt(protocol, true, topK) },
    { role: 'user', content: questionMessage(question) },
  ];
  let id = 0;
  for (const round of planRounds(steps)) {
    if (protocol === 'tools') {
      const calls = round.map((search) => ({ id: `call_${id++}`, type: 'function' as const, function: { name: SEARCH_TOOL, arguments: JSON.stringify({ query: search.query }) } }));
      messages.push({ role: 'assistant', content: null, tool_calls: calls });
      round.forEach((search, i) => messages.push({ role: 'tool', tool_call_id: calls[i]!.id, content: search.docs.length > 0 ? formatResults(search.docs) : search.text }));
    } else {
      for (const search of round) {
        messages.push({ role: 'assistant', content: `<search>${search.query}</search>` });
        messages.push({ role: 'user', content: search.docs.length > 0 ? informationBlock(search.docs) : `<information>\n${search.text}\n</information>` });
      }
    }
  }
  messages.push({ role: 'user', content: givenSearchesNotice() });
  return messages;
}
