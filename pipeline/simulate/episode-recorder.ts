/**
 * Records one episode as FORMAT.md steps while it is played, enforces the budget (a round is only
 * possible while rounds < T) and keeps, for every query, where its words came from — what the true
 * strategy label is computed from.
 */
import type { ResultStep, Step } from '../formats/trajectory';
import { SEARCH_TOOL, type SearchResult, type SearchTool } from '../environment/search/search-tool';

/** One search call and the provenance of its words. */
export interface QueryRecord {
  query: string;
  round: number;
  /** It contains a term first read in a result (the bridge entity, a candidate answer). */
  fromResult: boolean;
  /** The candidate answer it checks (verification), if any. */
  candidate: string | null;
  /** Indices of the question entities it names. */
  covers: readonly number[];
}

/** A call to issue: the query and its provenance. */
export type PlannedCall = Omit<QueryRecord, 'round'>;

// Result steps are immutable and identical for identical queries: built once per search result.
const resultSteps = new WeakMap<SearchResult, ResultStep>();

function resultStep(result: SearchResult): ResultStep {
  let step = resultSteps.get(result);
  if (!step) {
    step = { type: 'result', tool: SEARCH_TOOL, text: result.text, docs: result.docs as ResultStep['docs'] };
    resultSteps.set(result, step);
  }
  return step;
}

/** The steps, rounds, queries and seen paragraphs of an episode in progress. */
export class EpisodeRecorder {
  readonly steps: Step[] = [];
  readonly queries: QueryRecord[] = [];
  /** Corpus positions of every paragraph seen so far, in first-seen order. */
  readonly seen: number[] = [];
  private readonly seenSet = new Set<number>();
  rounds = 0;
  /** The budget stopped the plan before it was complete. */
  cut = false;

  constructor(
    readonly budget: number,
    readonly tool: SearchTool,
  ) {}

  /** Whether another round fits in the budget. */
  get canSearch(): boolean {
    return this.rounds < this.budget;
  }

  /** Adds reasoning text. */
  think(text: string): void {
    this.steps.push({ type: 'think', text });
  }

  /** Issues calls together in one round and returns their results (in call order). */
  round(calls: readonly PlannedCall[]): SearchResult[] {
    if (!this.canSearch) throw new Error('round() called with the budget spent');
    this.rounds += 1;
    for (const call of calls) {
      this.steps.push({ type: 'call', tool: SEARCH_TOOL, args: { query: call.query }, round: this.rounds });
      this.queries.push({ ...call, round: this.rounds });
    }
    return calls.map((call) => {
      const result = this.tool.search(call.query);
      this.steps.push(resultStep(result));
      for (const index of result.indices) {
        if (!this.seenSet.has(index)) {
          this.seenSet.add(index);
          this.seen.push(index);
        }
      }
      return result;
    });
  }

  /** Ends the episode with an answer (null: no answer step, the episode is exhausted). */
  answer(text: string | null): string | null {
    if (text !== null) this.steps.push({ type: 'answer', text });
    return text;
  }
}
