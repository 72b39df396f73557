import { describe, expect, it } from 'vitest';
import { TaskSchema } from '../../../pipeline/formats/task';
import { TrajectorySchema } from '../../../pipeline/formats/trajectory';

describe('TrajectorySchema', () => {
  it('accepts the minimal episode and every step type', () => {
    expect(TrajectorySchema.safeParse({ policy: 'p', task: 't', steps: [] }).success).toBe(true);
    const full = {
      policy: 'rl', task: 't', sample: 0, budget: 0, answer: null, correct: false, score: 0, id: 'x', meta: { a: 1 },
      steps: [
        { type: 'think', text: 'hmm' },
        { type: 'call', tool: 'search', args: 'q', round: 0 },
        { type: 'call', tool: 'search', args: { query: 'q' } },
        { type: 'result', tool: 'search', text: 'r', docs: [{ text: 'd' }, { id: '1', title: 'T', text: 'd' }] },
        { type: 'message', role: 'user', text: 'hi' },
        { type: 'answer', text: 'a' },
      ],
    };
    expect(TrajectorySchema.safeParse(full).success).toBe(true);
  });
  it.each([
    ['negative budget', { policy: 'p', task: 't', steps: [], budget: -1 }],
    ['fractional sample', { policy: 'p', task: 't', steps: [], sample: 1.5 }],
    ['score above 1', { policy: 'p', task: 't', steps: [], score: 1.2 }],
    ['correct as string', { policy: 'p', task: 't', steps: [], correct: 'true' }],
    ['unknown step type', { policy: 'p', task: 't', steps: [{ type: 'tool', text: 'x' }] }],
    ['call without tool', { policy: 'p', task: 't', steps: [{ type: 'call', args: {} }] }],
    ['args as number', { policy: 'p', task: 't', steps: [{ type: 'call', tool: 's', args: 3 }] }],
    ['empty policy', { policy: '', task: 't', steps: [] }],
    ['steps missing', { policy: 'p', task: 't' }],
  ])('rejects %s', (_, record) => {
    expect(TrajectorySchema.safeParse(record).success).toBe(false);
  });
});

describe('TaskSchema', () => {
  it('accepts a full task and rejects a bad one', () => {
    expect(
      TaskSchema.safeParse({ task: 'a', question: 'q', answers: ['x'], family: 'bridge', gold_docs: ['T'], docs: [{ id: '1', title: 'T', text: 'x' }], meta: {} }).success,
    ).toBe(true);
    expect(TaskSchema.safeParse({ task: 'a' }).success).toBe(false);
    expect(TaskSchema.safeParse({ task: 'a', question: 'q', docs: [{ title: 'T', text: 'x' }] }).success).toBe(false);
  });
});
