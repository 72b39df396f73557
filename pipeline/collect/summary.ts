/** The result lines of a collection and of its dry run (stdout). */
import type { CollectConfig } from './config';
import type { PolicyEstimate } from './estimate';
import type { Grid } from './grid';
import type { PolicyUsage } from './resume';

const count = (n: number) => Math.round(n).toLocaleString('en-US');

function tokens(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)}G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return String(Math.round(n));
}

function gridLine(config: CollectConfig, grid: Grid): string {
  return `${grid.policies.length} policies × ${grid.tasks.length} tasks × ${grid.budgets.length} budgets (T = ${config.budgets.join(', ')}) × ${grid.samples} samples = ${count(grid.size)} episodes`;
}

/** The dry run's plan. */
export function dryRunLines(config: CollectConfig, grid: Grid, collected: number, bounds: readonly PolicyEstimate[], tasksLabel: string): string[] {
  const sum = (pick: (e: PolicyEstimate) => number) => bounds.reduce((s, e) => s + pick(e), 0);
  return [
    `plan: ${gridLine(config, grid)}; ${count(collected)} already collected, ${count(grid.size - collected)} to collect`,
    `tasks: ${tasksLabel}`,
    `requests: at most ${count(sum((e) => e.requests))} (T + 1 + ${config.extraSteps} turns per episode), plus at most ${config.retries} retries each${config.maxRequests ? `; capped at ${count(config.maxRequests)}` : ''}`,
    `tokens: at most ${tokens(sum((e) => e.promptTokens))} prompt + ${tokens(sum((e) => e.completionTokens))} completion (max_tokens per turn; prompt text counted as characters / 3)`,
    ...bounds.map((e) => `  ${e.policy}: ${count(e.episodes)} episodes, ≤ ${count(e.requests)} requests, ≤ ${tokens(e.promptTokens)} prompt + ${tokens(e.completionTokens)} completion tokens`),
  ];
}

/** What a finished (or stopped) run did. */
export interface RunFigures {
  config: CollectConfig;
  grid: Grid;
  usage: ReadonlyMap<string, PolicyUsage>;
  finished: number;
  total: number;
  failed: number;
  seconds: number;
  requests: number;
  retries: number;
  simulated: boolean;
  outDir: string;
}

/** The summary of a run: this run's work, then per policy the whole folder's episodes and tokens. */
export function summaryLines(f: RunFigures): string[] {
  const perPolicy = f.grid.size / f.grid.policies.length;
  return [
    `${f.simulated ? 'COLLECTED FROM THE SIMULATOR SERVER (not language models)' : 'collected'}: ${count(f.finished)} episodes in ${f.seconds.toFixed(1)} s (${(f.finished / Math.max(f.seconds, 1e-9)).toFixed(1)} episodes/s; ${count(f.requests)} requests, ${count(f.retries)} retries, ${count(f.failed)} failed episodes)`,
    `${f.outDir}: ${count(f.total)} of ${count(f.grid.size)} episodes (${gridLine(f.config, f.grid)})`,
    ...f.grid.policies.map((name) => {
      const u = f.usage.get(name) ?? { episodes: 0, prompt_tokens: 0, completion_tokens: 0, requests: 0 };
      return `  ${name}: ${count(u.episodes)} of ${count(perPolicy)} episodes; ${tokens(u.prompt_tokens)} prompt + ${tokens(u.completion_tokens)} completion tokens; ${count(u.requests)} requests`;
    }),
  ];
}
