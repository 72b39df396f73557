/**
 * Labeling one line of ingest's `traces.jsonl`: parse, check, label. Shared by the label stage's main
 * thread and its worker threads, so both paths give the same bytes.
 */
import type { EpisodeTrace } from '../../../analyses/episode';
import { labelEpisode, type LabeledEpisode } from '../../../analyses/strategy/labeled-episode';
import { LABELERS, type LabelerName } from '../../../analyses/strategy/labelers';
import { searchToolMatcher } from '../../../analyses/strategy/search-tools';

/** What labeling one trace line gave: the labeled episode and its `features.jsonl` line, or why not. */
export type LabelOutcome =
  | { ok: true; labeled: LabeledEpisode; json: string; missingQuestion: boolean; trace?: EpisodeTrace }
  /** A damaged line (`policy` absent: an error), or an episode labeling failed on (left out, counted). */
  | { ok: false; reason: string; policy?: string };

/** How every labeling thread is set up. */
export interface LabelSetup {
  questions: [string, string][];
  searchTools: string[];
  labeler: LabelerName;
  /** Keep the parsed trace in the outcome (the judge needs it). */
  keepTrace: boolean;
}

/** Labels one line of `traces.jsonl` (pure apart from parsing). */
export function labelLine(text: string, questions: Map<string, string>, labeler: LabelerName, isSearch: (tool: string) => boolean, keepTrace: boolean): LabelOutcome {
  let trace: EpisodeTrace;
  try {
    trace = JSON.parse(text) as EpisodeTrace;
  } catch (error) {
    return { ok: false, reason: `is not valid JSON (${(error as Error).message})` };
  }
  if (!trace || !Array.isArray(trace.steps) || typeof trace.id !== 'string') return { ok: false, reason: 'is not an episode trace (no id or steps)' };
  const question = questions.get(trace.task);
  try {
    const labeled = labelEpisode(trace, question ?? '', LABELERS[labeler], isSearch);
    return { ok: true, labeled, json: JSON.stringify(labeled), missingQuestion: question === undefined, ...(keepTrace ? { trace } : {}) };
  } catch (error) {
    // One hostile trace (a stack or string limit hit on megabytes of text) must not end the stage.
    return { ok: false, reason: `could not be labeled (${(error as Error).message})`, policy: String(trace.policy) };
  }
}

/** Builds the line labeler a thread uses. */
export function lineLabeler(setup: LabelSetup): (text: string) => LabelOutcome {
  const questions = new Map(setup.questions);
  const isSearch = searchToolMatcher(setup.searchTools);
  return (text) => labelLine(text, questions, setup.labeler, isSearch, setup.keepTrace);
}

