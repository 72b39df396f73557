/**
 * Episode rows (as the ingest stage writes them) for the passkt and boundary stage tests.
 */
import type { EpisodeRow } from '../../../analyses/episode';
import { createRng } from '../../../analyses/random/rng';

/** An episode row as ingest writes it. */
export function episodeRow(policy: string, task: string, family: string, budget: number | null, sample: number, rounds: number, correct: boolean): EpisodeRow {
  return { id: `${policy}/${task}/${budget}/${sample}`, policy, task, family, budget, sample, rounds, calls: rounds, answered: true, correct, score: correct ? 1 : 0, gold_total: 2, gold_retrieved: 0, answer_in_results: null };
}

/** Capped episodes for 3 policies × 2 families × 6 tasks × budgets {0, 2} × 8 samples, with per-task success rates. */
export function cappedEpisodes(seed = 1): { rows: EpisodeRow[]; rate: (policy: string, task: string, budget: number) => number } {
  const rng = createRng(seed);
  const rates = new Map<string, number>();
  const rows: EpisodeRow[] = [];
  for (const family of ['bridge', 'comparison']) {
    for (let t = 0; t < 6; t++) {
      const task = `${family}-${t}`;
      for (const policy of ['base', 'rl', 'sft']) {
        for (const budget of [0, 2]) {
          const rate = (budget === 0 ? 0.2 : 0.5) * rng.next() * (policy === 'rl' ? 1.5 : 1);
          rates.set(`${policy}|${task}|${budget}`, rate);
          for (let s = 0; s < 8; s++) rows.push(episodeRow(policy, task, family, budget, s, Math.min(budget, 1 + (s % 3)), rng.next() < rate));
        }
      }
    }
  }
  return { rows, rate: (policy, task, budget) => rates.get(`${policy}|${task}|${budget}`) ?? NaN };
}
