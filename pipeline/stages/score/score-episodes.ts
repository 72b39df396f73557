/**
 * Scores the picked episodes: each trajectory, as it streams past, is rendered as the conversation its
 * policy saw and scored under the scoring model, `concurrency` at a time. The first one also decides
 * the method (chat completions with prompt_logprobs, else completions with echo) unless one is forced.
 * Episodes whose requests fail after their retries, or whose tokens cannot be mapped onto the
 * conversation, are left out with a reason (and the first such message is kept for the summary).
 */
import { setMaxListeners } from 'node:events';
import type { EpisodeRow } from '../../../analyses/episode';
import type { Protocol } from '../../chat-protocol/prompts';
import type { ChatTemplate } from '../../chat-protocol/templates/template';
import { trajectoryConversation } from '../../chat-protocol/trajectory-conversation';
import { forEachBounded } from '../../experiments/bounded';
import { wantedTrajectories, type TaskLookup } from '../../experiments/source-trajectories';
import type { Trajectory } from '../../formats/trajectory';
import { AlignmentError } from '../../llm/align-tokens';
import { offeredTools } from '../../llm/conversation-pieces';
import { detectMethod, PromptScorer, type ScoredSegments, type ScoreMethod } from '../../llm/prompt-logprobs';
import { RequestFailed, type PolicyTransport } from '../../llm/transport';
import type { Progress } from '../../runner/stage';
import { UserError } from '../../errors';

/** What scoring needs. */
export interface ScoringJob {
  transport: PolicyTransport;
  model: string;
  /** A forced method, or null to detect it on the first episode. */
  method: ScoreMethod | null;
  template: ChatTemplate;
  /** The collection's paragraphs per search (null: taken from each episode's results). */
  topK: number | null;
  concurrency: number;
  files: readonly string[];
  tasks: TaskLookup;
  picked: ReadonlyMap<string, EpisodeRow>;
  progress: Progress;
}

/** What scoring gave. */
export interface ScoringResult {
  scores: Map<string, ScoredSegments>;
  method: ScoreMethod | null;
  /** Episodes left out, by reason, with the first message of each. */
  failed: Map<string, { ids: string[]; first: string }>;
}

function protocolOf(trajectory: Trajectory): Protocol {
  const protocol = (trajectory.meta?.collect as { protocol?: unknown } | undefined)?.protocol;
  return protocol === 'tags' ? 'tags' : 'tools';
}

// The paragraphs per search the system prompt announced: the collection's, else the most one result showed.
function topKOf(trajectory: Trajectory, collected: number | null): number {
  if (collected !== null) return collected;
  const shown = trajectory.steps.map((step) => (step.type === 'result' ? (step.docs?.length ?? 0) : 0));
  return Math.max(1, ...shown);
}

/** Scores every picked episode found in the trajectory files. */
export async function scoreEpisodes(job: ScoringJob): Promise<ScoringResult> {
  const scores = new Map<string, ScoredSegments>();
  const failed = new Map<string, { ids: string[]; first: string }>();
  const signal = new AbortController().signal;
  // Every request in flight listens to this signal: many listeners are expected, not a leak.
  setMaxListeners(0, signal);
  let scorer: PromptScorer | null = job.method ? new PromptScorer(job.transport, job.model, job.method, job.template) : null;
  const fail = (reason: string, id: string, message: string) => {
    const entry = failed.get(reason) ?? { ids: [], first: message };
    entry.ids.push(id);
    failed.set(reason, entry);
  };
  const one = async ({ id, task, trajectory }: { id: string; task: { question: string }; trajectory: Trajectory }): Promise<void> => {
    const protocol = protocolOf(trajectory);
    const budget = trajectory.budget ?? null;
    const messages = trajectoryConversation(trajectory.steps, task.question, budget, { protocol, topK: topKOf(trajectory, job.topK) });
    const tools = offeredTools(protocol === 'tools' && budget !== 0);
    try {
      if (!scorer) {
        const detected = await detectMethod(job.transport, job.model, job.template, { messages, tools }, signal);
        scorer = detected.scorer;
        scores.set(id, detected.sums);
      } else scores.set(id, await scorer.score(messages, tools, signal, id));
    } catch (error) {
      if (error instanceof RequestFailed && error.fatal) throw new UserError(`the scorer stopped the run: ${error.message}.`, 'Check the scorer URL, model and key (--scorer, --scorer-key-env).');
      if (error instanceof RequestFailed) fail('request_failed', id, error.message);
      else if (error instanceof AlignmentError) fail('tokens_not_mapped', id, error.message);
      else throw error;
    } finally {
      job.progress.tick();
    }
  };
  const stream = wantedTrajectories(job.files, job.tasks, (id) => job.picked.has(id));
  const iterator = stream[Symbol.asyncIterator]();
  // The first episode alone: it settles the method before the others are sent.
  const first = await iterator.next();
  if (!first.done) await one(first.value);
  await forEachBounded({ [Symbol.asyncIterator]: () => iterator }, job.concurrency, one);
  return { scores, method: scorer?.method ?? null, failed };
}
