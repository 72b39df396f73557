/**
 * The labeler registry: name -> implementation. A labeler turns an episode's features into one label;
 * the label stage records which labeler ran and with which parameters, so a run can be replayed.
 */
import type { EpisodeFeatures } from './features';
import { applyRules } from './rules';
import { toolSignature } from './signature';

/** The kind of label a labeler produced: a taxonomy label or a tool-call signature. */
export type LabelKind = 'taxonomy' | 'signature';

/** What a labeler says about one episode. */
export interface LabelVerdict {
  label: string;
  kind: LabelKind;
  /** Why (the rule that fired and its evidence). */
  evidence: string;
}

/** A registered labeler. */
export interface Labeler {
  description: string;
  label(features: EpisodeFeatures): LabelVerdict;
}

const rules: Labeler = {
  description: 'TAXONOMY.md rule table on search calls (exhausted > no-search > verify > sequential > unanchored > parallel > reformulate > single-shot)',
  label: (features) => ({ ...applyRules(features), kind: 'taxonomy' }),
};

const signature: Labeler = {
  description: 'tool-call signature: ordered tool names with repeats collapsed (e.g. get_user>get_reservation>cancel)',
  label: (features) => ({ label: toolSignature(features.tools), kind: 'signature', evidence: `${features.calls} calls` }),
};

const auto: Labeler = {
  description: 'rules for episodes that search or read (or make no call), the tool-call signature for episodes whose calls neither search nor read',
  label: (features) => (features.other_calls > 0 && features.search_calls === 0 && features.read_calls === 0 ? signature.label(features) : rules.label(features)),
};

/** Every labeler by name. */
export const LABELERS = { auto, rules, signature } as const satisfies Record<string, Labeler>;

/** A registered labeler name. */
export type LabelerName = keyof typeof LABELERS;

/** The registered names, for parameter validation and help texts. */
export const LABELER_NAMES = Object.keys(LABELERS) as LabelerName[];
