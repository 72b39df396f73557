import { describe, expect, it } from 'vitest';
import { LeftOut } from '../../../pipeline/runner/episode-accounting';

describe('episode accounting', () => {
  it('adds up: episodes_in = episodes_used + every left_out_<reason>, with per-policy lines', () => {
    const leftOut = new LeftOut();
    leftOut.add('trace_missing', 'rl', 3);
    leftOut.add('trace_missing', 'base');
    leftOut.add('no_retrieval_definition', 'rl', 2);
    leftOut.add('trace_missing', 'sft', 0);
    const counts = leftOut.counts(20);
    expect(counts).toEqual({ episodes_in: 20, episodes_used: 14, left_out_no_retrieval_definition: 2, left_out_trace_missing: 4 });
    expect(counts.episodes_in).toBe(counts.episodes_used! + counts.left_out_no_retrieval_definition! + counts.left_out_trace_missing!);
    expect(leftOut.lines('x')).toEqual(['x: left out 2 episodes of tasks no retrieval definition applies to: rl 2', 'x: left out 4 episodes without a trace (outcome only): base 1, rl 3']);
    expect(leftOut.byPolicy()).toEqual({ rl: { no_retrieval_definition: 2, trace_missing: 3 }, base: { trace_missing: 1 } });
    expect(new LeftOut().lines('x')).toEqual([]);
  });
});
