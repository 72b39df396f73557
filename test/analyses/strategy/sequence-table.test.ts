import { describe, expect, it } from 'vitest';
import { fixtureTally } from './sequence-fixture';

describe('SequenceTally', () => {
  it('counts unique sequences and overlap with the base policy per (policy, task, budget), by hand', () => {
    const rows = fixtureTally().rows('base');
    const pick = (policy: string, task: string, budget: number | null) => rows.find((r) => r.policy === policy && r.task === task && r.budget === budget)!;
    // rl t1 T=3: {A, D, E}; base {A, B, C}: shared {A}.
    expect(pick('rl', 't1', 3)).toEqual({
      policy: 'rl', family: 'bridge', budget: 3, task: 't1', episodes: 4, unique_sequences: 3,
      shared_with_base: 1, share_in_base: 1 / 3, base_unique_sequences: 3, share_of_base: 1 / 3, novel_sequences: 2, episode_share_in_base: 1 / 4,
    });
    // base has no t2 episodes at T=3: overlap undefined, not zero.
    expect(pick('rl', 't2', 3)).toMatchObject({ unique_sequences: 1, shared_with_base: null, share_in_base: null, novel_sequences: null });
    // T=5 is compared with base at T=5 only.
    expect(pick('rl', 't2', 5)).toMatchObject({ unique_sequences: 2, shared_with_base: 1, share_in_base: 0.5, share_of_base: 1, episode_share_in_base: 0.5 });
    expect(pick('sft', 't1', 3)).toMatchObject({ unique_sequences: 2, shared_with_base: 2, share_in_base: 1, share_of_base: 2 / 3, episode_share_in_base: 1 });
    // uncapped episodes are compared with uncapped base episodes.
    expect(pick('rl', 't1', null)).toMatchObject({ shared_with_base: 0, share_in_base: 0, novel_sequences: 1 });
    expect(pick('base', 't1', 3)).toMatchObject({ unique_sequences: 3, shared_with_base: 3, share_in_base: 1 });
  });

  it('sorts rows by policy, family, budget (uncapped last) and task', () => {
    const keys = fixtureTally().rows('base').map((r) => `${r.policy}/${r.budget ?? 'u'}/${r.task}`);
    expect(keys).toEqual(['base/3/t1', 'base/5/t2', 'base/u/t1', 'rl/3/t1', 'rl/3/t2', 'rl/5/t2', 'rl/u/t1', 'sft/3/t1']);
  });

  it('leaves every overlap empty when the base policy is absent', () => {
    expect(fixtureTally().rows('nobody').every((r) => r.shared_with_base === null)).toBe(true);
  });
});
