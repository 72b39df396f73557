/**
 * The ReAct line grammar, shared by every adapter of ReAct text (react-text's logs, FireAct's text
 * `traj`): `Thought:`, `Action:` (`Search[x]`, `Lookup[x]`, `Finish[x]`) and `Observation:` lines,
 * numbered (`Thought 1:`) or not, lines without a marker continuing the previous one — into canonical steps.
 */
import type { ResultDoc, Step } from '../../formats/trajectory';

/** A marked line of an episode and the lines that continue it. */
export interface ReactEntry {
  kind: 'reflection' | 'think' | 'action' | 'observation';
  text: string;
}

/** The steps of one episode and what its actions tell about how it ended. */
export interface ReactSteps {
  steps: Step[];
  /** The argument of the Finish action, or null when the episode never finished. */
  answer: string | null;
  /** Verdict printed by the environment after Finish ("Answer is CORRECT"), when present. */
  printedVerdict: boolean | undefined;
  calls: number;
}

const ACTION = /^\s*(\w+)\[([\s\S]*)\]\s*$/;
const MARKED = /^(Thought|Action|Observation)(?: \d+)?:\s?(.*)$/;

/** The entry a line starts (`Thought 2: …`, `Action: search[x]`), or null for a line that continues the previous one. */
export function reactLine(line: string): ReactEntry | null {
  const match = MARKED.exec(line);
  if (!match) return null;
  return { kind: match[1] === 'Thought' ? 'think' : match[1] === 'Action' ? 'action' : 'observation', text: match[2]! };
}

/** How a source's tools answer. */
export interface ReactOptions {
  /**
   * A successful search returns the page of the searched entity (ReAct's Wikipedia API), which becomes a
   * document titled by the argument; false for search engines that return snippets without titles (FireAct).
   */
  pageDocuments: boolean;
}
const NOT_FOUND = /^(Could not find|No Results|The last page Searched was not found|Invalid Action)/;

/**
 * Converts the entries: Search/Lookup become calls whose observation is the result (a found page
 * becomes a document titled by the searched name; a Lookup's sentence belongs to the last page
 * found); Finish becomes the answer; an unparseable action stays as an `action` message.
 */
export function reactSteps(entries: readonly ReactEntry[], options: ReactOptions = { pageDocuments: true }): ReactSteps {
  const steps: Step[] = [];
  let answer: string | null = null;
  let printedVerdict: boolean | undefined;
  let calls = 0;
  let pending: { tool: string; argument: string } | 'finish' | undefined;
  let page: string | undefined;
  for (const entry of entries) {
    const text = entry.text.trim();
    if (entry.kind === 'reflection') {
      if (text !== '') steps.push({ type: 'message', role: 'reflection', text });
    } else if (entry.kind === 'think') {
      steps.push({ type: 'think', text });
    } else if (entry.kind === 'action') {
      const match = ACTION.exec(text);
      const name = match?.[1]!.toLowerCase();
      if (!match || name === undefined) {
        steps.push({ type: 'message', role: 'action', text });
        pending = undefined;
      } else if (name === 'finish') {
        answer = match[2]!;
        steps.push({ type: 'answer', text: answer });
        pending = 'finish';
      } else {
        const argument = match[2]!;
        steps.push({ type: 'call', tool: name, args: name === 'lookup' ? { keyword: argument } : { query: argument } });
        calls += 1;
        pending = { tool: name, argument };
      }
    } else if (pending === 'finish') {
      if (/Answer is CORRECT/.test(text)) printedVerdict = true;
      else if (/Answer is INCORRECT/.test(text)) printedVerdict = false;
      steps.push({ type: 'message', role: 'environment', text });
    } else if (pending) {
      const docs = options.pageDocuments ? observationDocs(pending, text, page) : [];
      if (pending.tool === 'search' && docs.length > 0) page = pending.argument;
      steps.push({ type: 'result', tool: pending.tool, text, ...(docs.length > 0 ? { docs } : {}) });
      pending = undefined;
    } else {
      steps.push({ type: 'message', role: 'environment', text });
    }
  }
  return { steps, answer, printedVerdict, calls };
}

function observationDocs(call: { tool: string; argument: string }, text: string, page: string | undefined): ResultDoc[] {
  if (text === '' || NOT_FOUND.test(text)) return [];
  if (call.tool === 'search') return [{ title: call.argument.trim(), text }];
  if (call.tool === 'lookup' && page !== undefined) return [{ title: page.trim(), text }];
  return [];
}
