/**
 * Validation against planted truth: simulated episodes (the simulator's exported functions, default
 * config), made into traces by ingest's own resolver, labeled by the label stage. The rules must recover
 * meta.true_strategy, and per-policy label shares must follow the planted mixtures.
 */
import { describe, expect, it } from 'vitest';
import type { EpisodeTrace } from '../../../../analyses/episode';
import { createRng } from '../../../../analyses/random/rng';
import { generateEnvironment } from '../../../../pipeline/environment/tasks/generate-tasks';
import { resolveEpisode } from '../../../../pipeline/stages/ingest/resolve-episode';
import { TaskIndex } from '../../../../pipeline/stages/ingest/task-index';
import { simulateEpisodes } from '../../../../pipeline/simulate/simulate-episodes';
import { loadSimulatorConfig } from '../../../../pipeline/simulate/simulator-config';
import { labelStage } from '../../../../pipeline/stages/label/stage';
import { runWithFakeContext } from '../../../helpers/fake-context';

const config = loadSimulatorConfig();
const env = generateEnvironment(config.world, ['bridge', 'comparison', 'closed-book'], 10, createRng(21));
const index = new TaskIndex();
for (const task of env.tasks) index.add(task.row);
const BUDGETS = [0, 2, 5];
const traces: EpisodeTrace[] = [];
const planned = new Map<string, Map<string, number>>();
for (const trajectory of simulateEpisodes({ tasks: env.tasks, world: env.world, policies: config.policies, grid: { budgets: BUDGETS, samples: 24 }, topK: 3, seed: 4 })) {
  const resolved = resolveEpisode(trajectory, index.get(trajectory.task)!, trajectory.sample ?? null);
  if (typeof resolved === 'string') throw new Error(resolved);
  traces.push(resolved.trace);
  const key = `${trajectory.policy}|${resolved.trace.family}|${trajectory.budget}`;
  const counts = planned.get(key) ?? new Map<string, number>();
  counts.set(trajectory.meta.planned_strategy, (counts.get(trajectory.meta.planned_strategy) ?? 0) + 1);
  planned.set(key, counts);
}

const { output, result } = await runWithFakeContext(labelStage, { inputs: { ingest: { 'tasks.jsonl': index.rows(), 'traces.jsonl': traces } }, params: { resamples: 0 } });
const accuracy = output.csvRows('label_accuracy.csv').filter((row) => row.policy === 'all');

describe('label stage on simulated data', () => {
  it('recovers the planted strategy of at least 90% of episodes, and of each class', () => {
    console.warn(`recovery on ${traces.length} simulated episodes: ${accuracy.map((r) => `${r.true_label} ${r.recovered}/${r.episodes}`).join(', ')}`);
    const overall = accuracy.find((row) => row.true_label === 'all')!;
    expect(Number(overall.episodes)).toBe(traces.length);
    expect(Number(overall.accuracy)).toBeGreaterThanOrEqual(0.9);
    const classes = accuracy.filter((row) => row.true_label !== 'all');
    expect(classes.map((row) => row.true_label).sort()).toEqual(['exhausted', 'no-search', 'parallel', 'reformulate', 'sequential', 'single-shot', 'verify']);
    for (const row of classes) expect(Number(row.accuracy), row.true_label).toBeGreaterThanOrEqual(0.9);
    expect(result.details!['recovery']).toMatchObject({ accuracy: Number(overall.accuracy) });
  });

  it('gives per-policy label shares within sampling error of the planted mixture, once plans the episode changed are accounted for', () => {
    const rows = output.csvRows('label_frequencies.csv');
    let checked = 0;
    for (const row of rows) {
      const n = traces.filter((t) => t.policy === row.policy && t.family === row.family && String(t.budget) === row.budget).length;
      const share = Number(row.share);
      const trueShare = Number(row.true_share);
      // 1. The labels follow the realized planted strategy (meta.true_strategy) within sampling error.
      const se = Math.sqrt(Math.max(trueShare * (1 - trueShare), 1 / n) / n);
      expect(Math.abs(share - trueShare), `${row.policy} ${row.family} T=${row.budget} ${row.label}`).toBeLessThanOrEqual(2 * se);
      // 2. At the largest budget, the labels follow the configured mixture up to sampling error plus the
      //    share of plans the episode itself changed (e.g. a planned reformulation answered after one search).
      if (row.budget !== String(Math.max(...BUDGETS))) continue;
      const mixtures: Record<string, Record<string, number>> = config.policies[row.policy!]!.mixture;
      const mixture = mixtures[row.family!]!;
      const weight = Object.values(mixture).reduce((a, b) => a + b, 0);
      const planShare = (mixture[row.label!] ?? 0) / weight;
      const plannedShare = (planned.get(`${row.policy}|${row.family}|${row.budget}`)!.get(row.label!) ?? 0) / n;
      const mixSe = Math.sqrt(Math.max(planShare * (1 - planShare), 1 / n) / n);
      expect(Math.abs(share - planShare), `${row.policy} ${row.family} ${row.label} vs mixture`).toBeLessThanOrEqual(4 * mixSe + Math.abs(trueShare - plannedShare));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
