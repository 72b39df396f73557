/**
 * Labeling one line of ingest's `traces.jsonl`: parse, check, label. Shared by the label stage's main
 * thread and its worker threads, so both paths give the same bytes.
 */
import { isOutcomeOnly, type EpisodeTrace } from '../../../analyses/episode';
import { labelEpisode, type LabeledEpisode } from '../../../analyses/strategy/labeled-episode';
import { LABELERS, type LabelerName } from '../../../analyses/strategy/labelers';
import { toolRoleMatcher, type RoleOf, type ToolRole } from '../../../analyses/strategy/tool-roles';

/** What one trace line gave: a labeled episode and its `features.jsonl` line, an outcome-only episode (left out), or why the line is unusable. */
export type LabelOutcome =
  | { kind: 'labeled'; labeled: LabeledEpisode; json: string; missingQuestion: boolean; trace?: EpisodeTrace }
  | { kind: 'outcome-only'; policy: string }
  /** An episode labeling failed on (left out, counted). */
  | { kind: 'unlabelable'; reason: string; policy: string }
  /** A damaged line: an error. */
  | { kind: 'invalid'; reason: string };

/** How every labeling thread is set up. */
export interface LabelSetup {
  questions: [string, string][];
  /** The user's tool → role mapping (names or `*` patterns); the TAXONOMY.md defaults apply to the rest. */
  toolRoles: Record<string, ToolRole>;
  labeler: LabelerName;
  /** Keep the parsed trace in the outcome (the judge needs it). */
  keepTrace: boolean;
}

/** Labels one line of `traces.jsonl` (pure apart from parsing). */
export function labelLine(text: string, questions: Map<string, string>, labeler: LabelerName, roleOf: RoleOf, keepTrace: boolean): LabelOutcome {
  let trace: EpisodeTrace;
  try {
    trace = JSON.parse(text) as EpisodeTrace;
  } catch (error) {
    return { kind: 'invalid', reason: `is not valid JSON (${(error as Error).message})` };
  }
  if (!trace || !Array.isArray(trace.steps) || typeof trace.id !== 'string') return { kind: 'invalid', reason: 'is not an episode trace (no id or steps)' };
  // No steps, no strategy: the episode counts in PASS@k but has nothing to label.
  if (isOutcomeOnly(trace)) return { kind: 'outcome-only', policy: trace.policy };
  const question = questions.get(trace.task);
  try {
    const labeled = labelEpisode(trace, question ?? '', LABELERS[labeler], roleOf);
    return { kind: 'labeled', labeled, json: JSON.stringify(labeled), missingQuestion: question === undefined, ...(keepTrace ? { trace } : {}) };
  } catch (error) {
    // One hostile trace (a stack or string limit hit on megabytes of text) must not end the stage.
    return { kind: 'unlabelable', reason: `could not be labeled (${(error as Error).message})`, policy: String(trace.policy) };
  }
}

/** Builds the line labeler a thread uses. */
export function lineLabeler(setup: LabelSetup): (text: string) => LabelOutcome {
  const questions = new Map(setup.questions);
  const roleOf = toolRoleMatcher(setup.toolRoles);
  return (text) => labelLine(text, questions, setup.labeler, roleOf, setup.keepTrace);
}
