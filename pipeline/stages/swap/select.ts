/**
 * Which episodes the swap replays: the keys (task, budget, sample) where both policies have an episode
 * that could search (T > 0) with its whole trace (a plan cut short, or not kept, cannot be replayed), at
 * most `samples` keys per (task, budget) by sample index. Every episode
 * ingest accepted is counted as used (the plan of its key) or left out with its reason.
 */
import type { EpisodeRow } from '../../../analyses/episode';
import type { EpisodeAccount } from '../../runner/episode-account';

/** One key of the grid: both policies' episodes of the same task, budget and sample. */
export interface SwapKey {
  key: string;
  task: string;
  family: string;
  budget: number | null;
  sample: number;
  /** Episode id of each policy (A, then B). */
  ids: [string, string];
}

/** Pairs the episodes of policies a and b by key; counts what it leaves out. */
export function pairKeys(rows: readonly EpisodeRow[], a: string, b: string, samples: number, account: EpisodeAccount): SwapKey[] {
  const byKey = new Map<string, { row: EpisodeRow; index: number }[]>();
  for (const row of rows) {
    if (row.policy !== a && row.policy !== b) account.leaveOut('other_policy', row.policy);
    else if (row.budget === 0) account.leaveOut('no_search_budget', row.policy);
    else if (row.trace !== undefined) account.leaveOut(`trace_${row.trace}`, row.policy);
    else if (row.sample === null) account.leaveOut('no_sample', row.policy);
    else {
      const key = `${row.task}\u0000${row.budget ?? 'uncapped'}\u0000${row.sample}`;
      const entries = byKey.get(key) ?? [];
      entries.push({ row, index: row.policy === a ? 0 : 1 });
      byKey.set(key, entries);
    }
  }
  const keys: SwapKey[] = [];
  const perCell = new Map<string, SwapKey[]>();
  for (const [key, entries] of byKey) {
    const first = entries.find((entry) => entry.index === 0);
    const second = entries.find((entry) => entry.index === 1);
    if (!first || !second) {
      for (const entry of entries) account.leaveOut('unpaired', entry.row.policy);
      continue;
    }
    const { task, family, budget, sample } = first.row;
    const swap: SwapKey = { key, task, family, budget, sample: sample!, ids: [first.row.id, second.row.id] };
    const cell = `${task}\u0000${budget ?? 'uncapped'}`;
    perCell.set(cell, [...(perCell.get(cell) ?? []), swap]);
  }
  for (const list of perCell.values()) {
    list.sort((x, y) => x.sample - y.sample);
    list.forEach((swap, i) => {
      if (samples > 0 && i >= samples) {
        account.leaveOut('over_sample_cap', a);
        account.leaveOut('over_sample_cap', b);
      } else keys.push(swap);
    });
  }
  return keys;
}
