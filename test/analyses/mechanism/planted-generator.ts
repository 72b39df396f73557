/**
 * A tiny planted-truth generator for the mechanism analyses: episodes drawn from a known mechanism
 * (strategy mixture → retrieval that depends on the strategy, the query quality and the task's
 * difficulty → a correct answer with probability `integration` when retrieved, `guess` otherwise).
 * It draws outcomes directly, so it checks the analyses, not the simulator.
 */
import type { EpisodeRow } from '../../../analyses/episode';
import type { Rng } from '../../../analyses/random/rng';

/** The planted parameters of one policy. */
export interface PlantedPolicy {
  name: string;
  /** Strategy → probability (normalized). */
  mixture: Record<string, number>;
  /** Multiplies every strategy's retrieval probability. */
  queryQuality: number;
  /** P(correct | evidence retrieved). */
  integration: number;
  /** P(correct | evidence missed). */
  guess: number;
}

/** Base retrieval probability of each strategy (before query quality and difficulty). */
export const STRATEGY_RETRIEVAL: Record<string, number> = {
  'no-search': 0,
  'single-shot': 0.45,
  reformulate: 0.6,
  parallel: 0.7,
  sequential: 0.85,
  verify: 0.9,
};

function pick(mixture: Record<string, number>, u: number): string {
  const entries = Object.entries(mixture);
  const total = entries.reduce((s, [, p]) => s + p, 0);
  let acc = 0;
  for (const [name, p] of entries) {
    acc += p / total;
    if (u < acc) return name;
  }
  return entries[entries.length - 1]![0];
}

/** A planted episode with its true strategy. */
export interface PlantedEpisode {
  row: EpisodeRow;
  strategy: string;
}

/** Generates `perTask` episodes of each policy on each of `tasks` tasks (family `bridge`, budget 5). */
export function generatePlanted(policies: PlantedPolicy[], tasks: number, perTask: number, rng: Rng): PlantedEpisode[] {
  const out: PlantedEpisode[] = [];
  const difficulty = Array.from({ length: tasks }, () => rng.next());
  for (const policy of policies) {
    for (let t = 0; t < tasks; t++) {
      for (let i = 0; i < perTask; i++) {
        const strategy = pick(policy.mixture, rng.next());
        const p = Math.min(1, Math.max(0, (STRATEGY_RETRIEVAL[strategy] ?? 0.5) * policy.queryQuality * (1.2 - 0.6 * difficulty[t]!)));
        const retrieved = rng.next() < p;
        const correct = rng.next() < (retrieved ? policy.integration : policy.guess);
        out.push({
          strategy,
          row: {
            id: `${policy.name}/t${t}/5/${i}`,
            policy: policy.name,
            task: `t${t}`,
            family: 'bridge',
            budget: 5,
            sample: i,
            rounds: 1,
            calls: 1,
            answered: true,
            correct,
            score: null,
            gold_total: 2,
            gold_retrieved: retrieved ? 2 : rng.int(2),
            answer_in_results: retrieved,
          },
        });
      }
    }
  }
  return out;
}
