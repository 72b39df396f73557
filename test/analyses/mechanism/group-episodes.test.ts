import { describe, expect, it } from 'vitest';
import { createGroupBuilder } from '../../../analyses/mechanism/group-episodes';

describe('group builder', () => {
  it('interns policies, tasks and categories in first-seen order', () => {
    const builder = createGroupBuilder('bridge', '5', ['label', 'cluster']);
    builder.add({ policy: 'rl', task: 't2', correct: true, retrieved: true, strategies: ['sequential', '3'] });
    builder.add({ policy: 'base', task: 't1', correct: false, retrieved: null, strategies: ['single-shot', '3'] });
    builder.add({ policy: 'rl', task: 't1', correct: false, retrieved: false, strategies: ['sequential', '0'] });
    const g = builder.group;
    expect(g.policies).toEqual(['rl', 'base']);
    expect(g.tasks).toEqual(['t2', 't1']);
    expect(g.policy).toEqual([0, 1, 0]);
    expect(g.task).toEqual([0, 1, 1]);
    expect(g.retrieved).toEqual([true, null, false]);
    expect(g.schemes[0]).toEqual({ name: 'label', categories: ['sequential', 'single-shot'], codes: [0, 1, 0] });
    expect(g.schemes[1]).toEqual({ name: 'cluster', categories: ['3', '0'], codes: [0, 0, 1] });
  });
  it('refuses an episode with the wrong number of categories', () => {
    const builder = createGroupBuilder('bridge', '5', ['label']);
    expect(() => builder.add({ policy: 'a', task: 't', correct: true, retrieved: null, strategies: [] })).toThrow(RangeError);
  });
});
