/** One line of the label stage's `features.jsonl`: an episode's identity, its label and its audit features. */
import type { EpisodeTrace } from '../episode';
import { episodeFeatures, type EpisodeFeatures } from './features';
import type { Labeler, LabelKind } from './labelers';
import { episodeSequence } from './sequence';
import type { RoleOf } from './tool-roles';

/** An episode with its label, sequence and the features the label was read from. */
export interface LabeledEpisode extends EpisodeFeatures {
  id: string;
  policy: string;
  task: string;
  family: string;
  budget: number | null;
  correct: boolean;
  label: string;
  kind: LabelKind;
  /** The rule (or signature) evidence behind the label. */
  evidence: string;
  /** The normalized query sequence joined with ` || `. */
  sequence: string;
  /** The planted strategy of simulated data (meta.true_strategy), null otherwise. */
  true_strategy: string | null;
}

/** Labels one episode trace: its features, the labeler's verdict, its query sequence and planted strategy. */
export function labelEpisode(trace: EpisodeTrace, question: string, labeler: Labeler, roleOf: RoleOf): LabeledEpisode {
  const features = episodeFeatures(trace, question, { roleOf });
  const verdict = labeler.label(features);
  const calls = trace.steps.flatMap((step) => (step.type === 'call' ? [{ tool: step.tool, query: step.query }] : []));
  const trueStrategy = trace.meta?.['true_strategy'];
  return {
    id: trace.id,
    policy: trace.policy,
    task: trace.task,
    family: trace.family,
    budget: trace.budget,
    correct: trace.correct,
    label: verdict.label,
    kind: verdict.kind,
    evidence: verdict.evidence,
    sequence: episodeSequence(calls, (tool) => roleOf(tool) === 'search'),
    true_strategy: typeof trueStrategy === 'string' ? trueStrategy : null,
    ...features,
  };
}
