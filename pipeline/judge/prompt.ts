/**
 * The judge prompt: the taxonomy (from the rule table, so both labelers share one definition) and a compact
 * rendering of the episode. Bump PROMPT_VERSION whenever the wording changes: it is part of the cache key.
 */
import type { EpisodeTrace } from '../../analyses/episode';
import { RULES } from '../../analyses/strategy/rules';

/** Version of the prompt wording (part of the cache key). */
export const PROMPT_VERSION = 'taxonomy-v2';

/** What the judge sees of one episode (texts already truncated). */
export interface JudgeItem {
  id: string;
  question: string;
  steps: { kind: 'search' | 'call' | 'result' | 'answer'; tool?: string; text: string }[];
  answered: boolean;
}

/** A chat message. */
export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

/** Reduces a trace to a judge item, truncating long texts (results to `maxResultChars`). */
export function judgeItem(trace: EpisodeTrace, question: string, isSearch: (tool: string) => boolean, maxResultChars = 600): JudgeItem {
  const steps: JudgeItem['steps'] = trace.steps.map((step) => {
    if (step.type === 'call') return { kind: isSearch(step.tool) ? 'search' : 'call', tool: step.tool, text: truncate(step.query, 300) };
    if (step.type === 'result') return { kind: 'result', tool: step.tool, text: truncate([...step.titles.filter(Boolean), step.text].join(' | '), maxResultChars) };
    return { kind: 'answer', text: truncate(step.text, 300) };
  });
  return { id: trace.id, question: truncate(question, 1000), steps, answered: trace.answer !== null };
}

/** The system and user messages for one episode. */
export function judgeMessages(item: JudgeItem): ChatMessage[] {
  const taxonomy = RULES.map((rule, i) => `${i + 1}. ${rule.label}: ${rule.definition}.`).join('\n');
  const system = [
    'You label the search strategy of a tool-using question-answering agent from its trajectory.',
    'Use exactly one label from this taxonomy. When several apply, the earliest in the list wins:',
    taxonomy,
    'A "new term" is a name, entity or value in a query that is absent from the question (ignore stop words and',
    'generic words such as "born", "film", "nationality"). A date or number from a result counts as a bridge only',
    'when the question asks to follow it. A query listing several names found in results filters a set (sequential),',
    'it does not verify one candidate. Only calls marked SEARCH are searches.',
    'Answer with JSON: {"label": <one label>, "rationale": <one or two sentences>}.',
  ].join('\n');
  const lines = [`Episode: ${item.id}`, `Question: ${item.question}`, 'Trajectory:'];
  item.steps.forEach((step, i) => {
    const head = step.kind === 'search' ? `SEARCH (${step.tool})` : step.kind === 'call' ? `CALL (${step.tool})` : step.kind.toUpperCase();
    lines.push(`${i + 1}. ${head}: ${step.text}`);
  });
  if (!item.answered) lines.push('(the episode ended without a final answer)');
  return [
    { role: 'system', content: system },
    { role: 'user', content: lines.join('\n') },
  ];
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
