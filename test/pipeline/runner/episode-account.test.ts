import { describe, expect, it } from 'vitest';
import { EpisodeAccount } from '../../../pipeline/runner/episode-account';

describe('episode account', () => {
  it('adds up: episodes_in = episodes_used + every left_out_<reason>, with per-policy lines', () => {
    const account = new EpisodeAccount('x', 20);
    account.use(14);
    account.leaveOut('trace_missing', 'rl', 3);
    account.leaveOut('trace_missing', 'base');
    account.leaveOut('no_retrieval_definition', 'rl', 2);
    account.leaveOut('trace_missing', 'sft', 0);
    account.check();
    const counts = account.counts();
    expect(counts).toEqual({ episodes_in: 20, episodes_used: 14, left_out_no_retrieval_definition: 2, left_out_trace_missing: 4 });
    expect(account.summary()).toEqual([
      'x: left out 2 of 20 episodes of tasks no retrieval definition applies to: rl 2',
      'x: left out 4 of 20 episodes without a trace (outcome only): base 1, rl 3',
    ]);
    expect(account.details()).toEqual({ left_out_by_policy: { no_retrieval_definition: { rl: 2 }, trace_missing: { base: 1, rl: 3 } } });
    expect(new EpisodeAccount('x', 0).summary()).toEqual([]);
  });

  it('refuses numbers that do not add up', () => {
    const account = new EpisodeAccount('x', 5);
    account.use(3);
    account.leaveOut('trace_missing', 'rl', 1);
    expect(() => account.check()).toThrow(/received 5 episodes but used 3 and left out 1: 1 are unaccounted for/);
  });

  it('inherits what an upstream stage left out', () => {
    const upstream = new EpisodeAccount('label', 4);
    upstream.use(3);
    upstream.leaveOut('trace_missing', 'rl');
    const downstream = new EpisodeAccount('cluster', 4);
    downstream.inherit({ details: upstream.details() } as never);
    downstream.use(3);
    downstream.check();
    expect(downstream.counts()).toEqual({ episodes_in: 4, episodes_used: 3, left_out_trace_missing: 1 });
  });
});
