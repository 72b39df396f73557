/**
 * Deterministic replay: how the simulator decides its next action from a conversation with the same
 * plan code the simulate stage runs. The episode's plan is played from the start with a random stream
 * seeded from the request, but its searches are answered from the conversation (the paragraphs the model
 * was shown) instead of the tool; the first search the conversation does not hold yet is the next
 * action. A plan that finishes gives the answer. Because the stream is the same on every turn of an
 * episode, the turns of one episode are one coherent play of one plan, with the same probabilities as
 * in the simulate stage (tests check episode by episode that both give the same steps).
 */
import type { Rng } from '../../analyses/random/rng';
import type { SearchResult, SearchTool } from '../environment/search/search-tool';
import type { SimTask } from '../environment/tasks/sim-task';
import type { CompiledPolicy } from '../simulate/compiled-policy';
import { EpisodeRecorder, type PlannedCall } from '../simulate/episode-recorder';
import { playEpisode } from '../simulate/plans/play';
import type { Reader } from '../simulate/readers/reader';
import type { PastCall } from './conversation';

/** The simulator's next action: searches to make, or an answer (null: it gives up without one). */
export type NextAction = { kind: 'search'; queries: string[]; reasoning: string } | { kind: 'answer'; answer: string | null; reasoning: string };

// Thrown through the plan code when it reaches a search the conversation does not hold: the plans are
// imperative, and stopping them at that point is what replay means.
class PendingSearch {
  constructor(readonly calls: readonly PlannedCall[]) {}
}

/** A recorder whose searches are answered by the conversation; a new search stops the play. */
class ReplayRecorder extends EpisodeRecorder {
  private consumed = 0;
  private readonly shown = new Set<number>();
  /** Steps up to here were already sent in earlier turns. */
  sentUpTo = 0;

  constructor(
    private readonly past: readonly PastCall[],
    private readonly mayAskMore: boolean,
    tool: SearchTool,
  ) {
    super(0, tool);
  }

  override get canSearch(): boolean {
    return this.consumed < this.past.length || this.mayAskMore;
  }

  override round(calls: readonly PlannedCall[]): SearchResult[] {
    if (!this.canSearch) throw new Error('round() called with the budget spent');
    this.rounds += 1;
    const results: SearchResult[] = [];
    for (const [i, call] of calls.entries()) {
      const past = this.past[this.consumed];
      if (!past) {
        if (this.mayAskMore) throw new PendingSearch(calls.slice(i));
        // Tags protocol: one search per message, so the budget can end inside a round of several.
        this.cut = true;
        break;
      }
      this.consumed += 1;
      this.steps.push({ type: 'call', tool: 'search', args: { query: past.query }, round: this.rounds });
      this.queries.push({ ...call, round: this.rounds });
      const docs = past.docs.map((index) => this.tool.docs[index]!);
      for (const index of past.docs) {
        if (!this.shown.has(index)) {
          this.shown.add(index);
          this.seen.push(index);
        }
      }
      results.push({ indices: past.docs, docs, text: docs.map((doc) => doc.text).join('\n') });
      this.sentUpTo = this.steps.length;
    }
    return results;
  }

  /** The reasoning written since the last search the conversation holds. */
  newReasoning(): string {
    return this.steps
      .slice(this.sentUpTo)
      .flatMap((step) => (step.type === 'think' ? [step.text] : []))
      .join(' ');
  }
}

/** What one decision needs: the task, its reader and tool, the (sampling-shaped) policy and the request's stream. */
export interface DecisionContext {
  task: SimTask;
  reader: Reader;
  tool: SearchTool;
  policy: CompiledPolicy;
  rng: Rng;
}

/** The next action of the policy given the searches made so far and whether it may search again. */
export function nextAction(ctx: DecisionContext, past: readonly PastCall[], canSearch: boolean): NextAction {
  const rec = new ReplayRecorder(past, canSearch, ctx.tool);
  // The same two draws, in the same order, as simulateEpisodes: the planned strategy, then the plan.
  const planned = ctx.policy.mixture[ctx.task.plans].draw(ctx.rng)!;
  try {
    const answer = playEpisode({ task: ctx.task, policy: ctx.policy, rec, reader: ctx.reader, rng: ctx.rng }, planned);
    return { kind: 'answer', answer, reasoning: rec.newReasoning() };
  } catch (error) {
    if (!(error instanceof PendingSearch)) throw error;
    return { kind: 'search', queries: error.calls.map((call) => call.query), reasoning: rec.newReasoning() };
  }
}
