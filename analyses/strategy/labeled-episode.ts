/** One line of the label stage's `features.jsonl`: an episode's identity, its label and its audit features. */
import type { EpisodeFeatures } from './features';
import type { LabelKind } from './labelers';

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
