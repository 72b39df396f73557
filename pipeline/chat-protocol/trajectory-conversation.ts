/**
 * The conversation a policy saw, rebuilt from its trajectory as the collector's agent loop wrote it
 * (pipeline/collect/episode.ts): the system prompt of its protocol and budget, the question, then turn by
 * turn the policy's text and searches, the results, the notices and corrections, and the final answer.
 * Each text is tagged with its segment: search queries `query`, the policy's other text `reasoning`, the
 * answer inside <answer> `answer`; prompts, results, notices and markup are excluded.
 *
 * What a trajectory does not keep is rebuilt the way the simulator writes it: the reasoning and the
 * action of one message are joined by one space; an invalid tool call (a trajectory keeps only the
 * correction) becomes the policy's text followed by the correction as a user message. Messages after
 * the model's last turn (a correction when the step limit ended the episode) are left out: it never read them.
 */
import type { ResultStep, Step } from '../formats/trajectory';
import type { Part, PartedMessage } from './parts';
import { questionMessage, systemPrompt, type Protocol } from './prompts';
import { formatResults, informationBlock } from './search-results';

/** How the episode was run. */
export interface ConversationSettings {
  protocol: Protocol;
  /** Paragraphs per search, as the system prompt says. */
  topK: number;
}

/** The parts of a search query (tags: `<search>query</search>`). */
function searchTag(query: string): Part[] {
  return [
    { text: '<search>', segment: null },
    { text: query, segment: 'query' },
    { text: '</search>', segment: null },
  ];
}

/** The parts of a final answer: `<answer>text</answer>`. */
export function answerParts(answer: string): Part[] {
  return [
    { text: '<answer>', segment: null },
    { text: answer, segment: 'answer' },
    { text: '</answer>', segment: null },
  ];
}

/** Reasoning, then an action, joined by one space (the action alone when there is no reasoning). */
export function withReasoning(reasoning: string, action: Part[]): Part[] {
  return reasoning === '' ? action : [{ text: reasoning, segment: 'reasoning' }, { text: ' ', segment: null }, ...action];
}

/** The text a tool result showed the model. */
function resultText(step: ResultStep): string {
  return step.docs && step.docs.length > 0 ? formatResults(step.docs.map((doc) => ({ id: doc.id ?? '', title: doc.title ?? '', text: doc.text }))) : step.text;
}

function queryOf(args: unknown): string {
  if (typeof args === 'string') return args;
  const query = (args as { query?: unknown }).query;
  return typeof query === 'string' ? query : JSON.stringify(args);
}

/** The conversation of a trajectory. `budget` null (uncapped) is an episode that could search. */
export function trajectoryConversation(steps: readonly Step[], question: string, budget: number | null, settings: ConversationSettings): PartedMessage[] {
  const tools = settings.protocol === 'tools';
  const messages: PartedMessage[] = [
    { role: 'system', content: [{ text: systemPrompt(settings.protocol, budget !== 0, settings.topK), segment: null }] },
    { role: 'user', content: [{ text: questionMessage(question), segment: null }] },
  ];
  let thinks: string[] = [];
  let calls: { tool: string; query: string; round?: number }[] = [];
  // The last assistant message with tool calls, its round, and how many of its calls have results.
  let answered: { message: PartedMessage | null; round: number | undefined; next: number } = { message: null, round: undefined, next: 0 };
  let callCount = 0;
  const reasoning = () => thinks.join(' ');
  const flushText = () => {
    if (thinks.length > 0) messages.push({ role: 'assistant', content: [{ text: reasoning(), segment: 'reasoning' }] });
    thinks = [];
  };

  for (const [index, step] of steps.entries()) {
    if (step.type === 'think') thinks.push(step.text);
    else if (step.type === 'call') {
      // The collector writes a round's calls each followed by its result: a call of the round whose results
      // are coming in belongs to the same assistant message.
      const sameRound = tools && calls.length === 0 && thinks.length === 0 && step.round !== undefined && step.round === answered.round && messages[messages.length - 1]?.role === 'tool';
      if (sameRound) answered.message!.toolCalls!.push({ id: `call_${callCount++}`, name: step.tool, query: queryOf(step.args) });
      else calls.push({ tool: step.tool, query: queryOf(step.args), round: step.round });
    }
    else if (step.type === 'result') {
      if (tools) {
        if (calls.length > 0) {
          const toolCalls = calls.map((call) => ({ id: `call_${callCount++}`, name: call.tool, query: call.query }));
          const message: PartedMessage = { role: 'assistant', content: thinks.length > 0 ? [{ text: reasoning(), segment: 'reasoning' }] : [], toolCalls };
          messages.push(message);
          answered = { message, round: calls[0]!.round, next: 0 };
          thinks = [];
          calls = [];
        }
        const call = answered.message?.toolCalls?.[answered.next++];
        messages.push({ role: 'tool', toolCallId: call?.id ?? `call_${callCount++}`, content: [{ text: resultText(step), segment: null }] });
      } else {
        const query = calls.shift()?.query ?? '';
        messages.push({ role: 'assistant', content: withReasoning(reasoning(), searchTag(query)) });
        thinks = [];
        const docs = (step.docs ?? []).map((doc) => ({ id: doc.id ?? '', title: doc.title ?? '', text: doc.text }));
        const information = docs.length > 0 ? informationBlock(docs) : `<information>\n${step.text}\n</information>`;
        // The collector sends the budget notice in the same message as the last results.
        const next = steps[index + 1];
        const notice = next?.type === 'message' && next.role === 'user' ? `\n\n${next.text}` : '';
        messages.push({ role: 'user', content: [{ text: `${information}${notice}`, segment: null }] });
      }
    } else if (step.type === 'message') {
      const previous = steps[index - 1];
      if (!tools && previous?.type === 'result' && step.role === 'user') continue;
      flushText();
      messages.push({ role: step.role === 'tool' && tools ? 'user' : step.role === 'system' ? 'system' : 'user', content: [{ text: step.text, segment: null }] });
    } else if (step.type === 'answer') {
      messages.push({ role: 'assistant', content: withReasoning(reasoning(), answerParts(step.text)) });
      thinks = [];
    }
  }
  flushText();
  // A notice after the model's last turn (the step limit was reached) was never read by it.
  while (messages.length > 2 && messages[messages.length - 1]!.role !== 'assistant') messages.pop();
  return messages;
}
