/**
 * The judge as the label stage uses it: judge a sample of rule-labeled episodes, then measure agreement with
 * the rule labels (Cohen's kappa, accuracy, confusion matrix) on the episodes the judge answered.
 */
import { resolve } from 'node:path';
import { Confusion } from '../../analyses/strategy/agreement';
import { TAXONOMY_LABELS } from '../../analyses/strategy/rules';
import { JudgeCache } from './cache';
import { createJudgeClient, type ResponseFormat } from './client';
import { PROMPT_VERSION, type JudgeItem } from './prompt';
import { runJudge, type JudgeRunStats } from './run';
import { redactText } from '../io/redact';

/** Judge settings as the stage parameters give them. */
export interface JudgeSettings {
  url: string;
  model: string;
  apiKey: string | undefined;
  maxCalls: number;
  concurrency: number;
  timeoutMs: number;
  retries: number;
  cacheDir: string;
  responseFormat: ResponseFormat;
  sleep?: (ms: number) => Promise<void>;
}

/** A row of `judge_labels.csv`. */
export type JudgeRow = {
  id: string;
  policy: string;
  task: string;
  rule_label: string;
  judge_label: string | null;
  source: string;
  attempts: number;
  error: string | null;
  rationale: string | null;
};

/** A sampled episode with its rule label. */
export interface JudgedEpisode {
  item: JudgeItem;
  policy: string;
  task: string;
  ruleLabel: string;
}

/** Agreement summary for the manifest and `judge_agreement.json`. */
export interface JudgeAgreement {
  model: string;
  prompt_version: string;
  base_url: string;
  cache_dir: string;
  stats: JudgeRunStats;
  compared: number;
  accuracy: number | null;
  kappa: number | null;
  /** rule label -> judge label -> episodes. */
  confusion: Record<string, Record<string, number>>;
}

/** Judges the sampled episodes and compares the judge with the rules. */
export async function judgeAndCompare(episodes: readonly JudgedEpisode[], settings: JudgeSettings): Promise<{ rows: JudgeRow[]; agreement: JudgeAgreement; confusion: Confusion }> {
  const cacheDir = resolve(settings.cacheDir);
  const { outcomes, stats } = await runJudge(
    episodes.map((episode) => episode.item),
    {
      client: createJudgeClient({ baseURL: settings.url, apiKey: settings.apiKey, timeoutMs: settings.timeoutMs }),
      model: settings.model,
      cache: new JudgeCache(cacheDir),
      maxCalls: settings.maxCalls,
      concurrency: settings.concurrency,
      retries: settings.retries,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      responseFormat: settings.responseFormat,
      ...(settings.sleep ? { sleep: settings.sleep } : {}),
    },
  );
  const confusion = new Confusion();
  const rows = outcomes.map((outcome, i): JudgeRow => {
    const episode = episodes[i]!;
    if (outcome.verdict) confusion.add(episode.ruleLabel, outcome.verdict.label);
    return {
      id: outcome.id,
      policy: episode.policy,
      task: episode.task,
      rule_label: episode.ruleLabel,
      judge_label: outcome.verdict?.label ?? null,
      source: outcome.source,
      attempts: outcome.attempts,
      // Transport errors can quote the endpoint's URL, credentials included.
      error: outcome.error === null ? null : redactText(outcome.error),
      rationale: outcome.verdict?.rationale ?? null,
    };
  });
  const compared = confusion.total;
  return {
    rows,
    confusion,
    agreement: {
      model: settings.model,
      prompt_version: PROMPT_VERSION,
      base_url: redactText(settings.url),
      cache_dir: cacheDir,
      stats,
      compared,
      accuracy: compared > 0 ? confusion.accuracy() : null,
      kappa: compared > 0 ? confusion.kappa() : null,
      confusion: confusion.toObject(TAXONOMY_LABELS),
    },
  };
}
