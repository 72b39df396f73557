/**
 * The dry-run plan: how many episodes are left, and upper bounds on the requests and tokens they can
 * take. An episode makes at most T + 1 + extraSteps requests; each completion is at most max_tokens;
 * the prompt of turn j holds the system prompt and question plus, per earlier turn, at most one
 * completion, one search result (the task's k longest paragraphs) and one notice. Prompt text is
 * counted as characters / 3, above what English BPE tokenizers use (about 4 characters per token).
 */
import { budgetSpentNotice, correction, questionMessage, systemPrompt } from '../chat-protocol/prompts';
import { formatResults } from '../chat-protocol/search-results';
import type { SimTask } from '../environment/tasks/sim-task';
import type { CollectConfig } from './config';

/** Upper bounds of one policy's remaining episodes. */
export interface PolicyEstimate {
  policy: string;
  episodes: number;
  requests: number;
  promptTokens: number;
  completionTokens: number;
}

const MESSAGE_OVERHEAD = 8;

function tokens(text: string): number {
  return Math.ceil(text.length / 3) + MESSAGE_OVERHEAD;
}

/**
 * Bounds per policy; `pending(policy, task, budgetIndex)` is the number of episodes of that cell still
 * to collect.
 */
export function estimate(config: CollectConfig, tasks: readonly SimTask[], pending: (policy: number, task: number, budget: number) => number): PolicyEstimate[] {
  const perTask = tasks.map((task) => {
    const longest = [...task.row.docs].sort((a, b) => b.text.length - a.text.length).slice(0, config.topK);
    return { question: tokens(questionMessage(task.row.question)), result: tokens(formatResults(longest)) };
  });
  const notice = tokens(`${budgetSpentNotice(9)} ${correction('bad-arguments', 'x'.repeat(60))}`);
  return config.policies.map((policy, p) => {
    const out: PolicyEstimate = { policy: policy.name, episodes: 0, requests: 0, promptTokens: 0, completionTokens: 0 };
    config.budgets.forEach((budget, b) => {
      const turns = budget + 1 + config.extraSteps;
      const system = tokens(systemPrompt(policy.protocol, budget > 0, config.topK));
      perTask.forEach((task, t) => {
        const n = pending(p, t, b);
        if (n === 0) return;
        const growth = policy.max_tokens + task.result + notice;
        out.episodes += n;
        out.requests += n * turns;
        out.completionTokens += n * turns * policy.max_tokens;
        out.promptTokens += n * (turns * (system + task.question) + ((turns * (turns - 1)) / 2) * growth);
      });
    });
    return out;
  });
}
