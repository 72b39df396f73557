import { describe, expect, it } from 'vitest';
import { createRng } from '../../../analyses/random/rng';
import { LabelCounts } from '../../../analyses/shard/label-counts';
import { labelFrequencyRows } from '../../../analyses/shard/label-frequency-rows';
import { LabelFrequencies } from '../../../analyses/strategy/label-frequencies';
import { TAXONOMY_LABELS } from '../../../analyses/strategy/rules';

interface Episode {
  policy: string;
  family: string;
  task: string;
  budget: number | null;
  label: string;
  correct: boolean;
  truth: string | null;
}

// taxonomy labels, a tool-call signature, and planted strategies on some families only
function episodes(seed: number, count: number): Episode[] {
  const rng = createRng(seed);
  const labels = [...TAXONOMY_LABELS, 'get_user>cancel', 'lookup'];
  return Array.from({ length: count }, () => {
    const family = rng.next() < 0.5 ? 'bridge' : 'comparison';
    return {
      policy: ['base', 'rl', 'sft'][rng.int(3)]!,
      family,
      task: `t${rng.int(6)}`,
      budget: rng.next() < 0.3 ? null : rng.int(3),
      label: labels[rng.int(labels.length)]!,
      correct: rng.next() < 0.4,
      truth: family === 'bridge' ? TAXONOMY_LABELS[rng.int(3)]! : null,
    };
  });
}

function countsOf(rows: readonly Episode[]): LabelCounts {
  const counts = new LabelCounts();
  for (const row of rows) {
    counts.add(row, 1, row.correct ? 1 : 0);
    if (row.truth !== null) counts.addTruth({ ...row, label: row.truth }, 1);
  }
  return counts;
}

describe('LabelCounts', () => {
  const rows = episodes(3, 600);

  it('counts episodes and successes per (policy, family, task, budget, label) like a brute-force group-by', () => {
    const counts = countsOf(rows).rows();
    const total = counts.reduce((sum, row) => sum + row.episodes, 0);
    expect(total).toBe(rows.length);
    for (const row of counts) {
      const same = rows.filter((e) => e.policy === row.policy && e.family === row.family && e.task === row.task && e.budget === row.budget && e.label === row.label);
      expect([row.episodes, row.successes]).toEqual([same.length, same.filter((e) => e.correct).length]);
    }
  });

  it('sums parts added in any order to the same rows as the whole', () => {
    const whole = countsOf(rows);
    const parts = [0, 1, 2].map((part) => countsOf(rows.filter((_, i) => i % 3 === part)));
    const merged = new LabelCounts();
    for (const part of [parts[1]!, parts[2]!, parts[0]!]) {
      for (const row of part.rows()) merged.add(row, row.episodes, row.successes);
      for (const row of part.truthRows()) merged.addTruth(row, row.episodes);
    }
    expect(merged.rows()).toEqual(whole.rows());
    expect(merged.truthRows()).toEqual(whole.truthRows());
    expect(countsOf([...rows].reverse()).rows()).toEqual(whole.rows());
  });
});

describe('labelFrequencyRows', () => {
  it('rebuilds the label stage’s frequency table row for row from counts', () => {
    for (const seed of [1, 2]) {
      const rows = episodes(seed, 400);
      const reference = new LabelFrequencies();
      for (const row of rows) reference.add(row.policy, row.family, row.budget, row.label, row.truth);
      const counts = countsOf(rows);
      expect(labelFrequencyRows(counts.rows(), counts.truthRows(), TAXONOMY_LABELS)).toEqual(reference.rows(TAXONOMY_LABELS));
    }
  });

  it('writes shares of the cell total and leaves planted columns empty where no episode has one', () => {
    const counts = new LabelCounts();
    counts.add({ policy: 'base', family: 'f', task: 'a', budget: 2, label: 'verify' }, 3, 1);
    counts.add({ policy: 'base', family: 'f', task: 'b', budget: 2, label: 'verify' }, 1, 1);
    counts.add({ policy: 'base', family: 'f', task: 'a', budget: 2, label: 'exhausted' }, 4, 0);
    counts.add({ policy: 'base', family: 'g', task: 'a', budget: null, label: 'verify' }, 2, 2);
    counts.addTruth({ policy: 'base', family: 'f', budget: 2, label: 'parallel' }, 5);
    expect(labelFrequencyRows(counts.rows(), counts.truthRows(), TAXONOMY_LABELS)).toEqual([
      { policy: 'base', family: 'f', budget: 2, label: 'exhausted', episodes: 4, share: 0.5, true_episodes: 0, true_share: 0 },
      { policy: 'base', family: 'f', budget: 2, label: 'verify', episodes: 4, share: 0.5, true_episodes: 0, true_share: 0 },
      { policy: 'base', family: 'f', budget: 2, label: 'parallel', episodes: 0, share: 0, true_episodes: 5, true_share: 1 },
      { policy: 'base', family: 'g', budget: null, label: 'verify', episodes: 2, share: 1, true_episodes: null, true_share: null },
    ]);
  });
});
