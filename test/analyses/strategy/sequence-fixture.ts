/** The hand-computed query-sequence fixture shared by the sequence-table and diversity tests. */
import { SequenceTally, type SequenceEntry } from '../../../analyses/strategy/sequence-table';

// Hand-made fixture: policy, task, budget and the sequence of each episode.
const episodes: [string, string, number | null, string][] = [
  ['base', 't1', 3, 'A'], ['base', 't1', 3, 'A'], ['base', 't1', 3, 'B'], ['base', 't1', 3, 'C'],
  ['rl', 't1', 3, 'A'], ['rl', 't1', 3, 'D'], ['rl', 't1', 3, 'D'], ['rl', 't1', 3, 'E'],
  ['rl', 't2', 3, 'X'], ['rl', 't2', 3, 'X'],
  ['base', 't2', 5, 'Y'], ['rl', 't2', 5, 'Y'], ['rl', 't2', 5, 'Z'],
  ['sft', 't1', 3, 'B'], ['sft', 't1', 3, 'C'], ['sft', 't1', 3, 'B'],
  ['rl', 't1', null, 'A'], ['base', 't1', null, 'Q'],
];

/** A tally of the fixture's episodes. */
export function fixtureTally(): SequenceTally {
  const tally = new SequenceTally();
  for (const [policy, task, budget, sequence] of episodes) tally.add({ policy, family: 'bridge', task, budget, sequence } satisfies SequenceEntry);
  return tally;
}

