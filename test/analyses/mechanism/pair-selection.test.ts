import { describe, expect, it } from 'vitest';
import { createGroupBuilder } from '../../../analyses/mechanism/group-episodes';
import { pairTotals } from '../../../analyses/mechanism/pair-table';
import { retrievalPairTable, schemePairTable, selectPair } from '../../../analyses/mechanism/pair-selection';

function group() {
  const builder = createGroupBuilder('bridge', '5', ['label']);
  const add = (policy: string, task: string, label: string, correct: boolean, retrieved: boolean | null) =>
    builder.add({ policy, task, correct, retrieved, strategies: [label] });
  add('base', 't1', 'single-shot', true, true);
  add('sft', 't9', 'parallel', true, true); // another policy: not selected
  add('rl', 't2', 'sequential', true, true);
  add('base', 't2', 'sequential', false, false);
  add('rl', 't1', 'sequential', false, null);
  return builder.group;
}

describe('pair selection', () => {
  it('keeps the two policies and re-indexes their tasks and categories', () => {
    const g = group();
    const selection = selectPair(g, g.policies.indexOf('base'), g.policies.indexOf('rl'));
    expect(selection.tasks).toEqual(['t1', 't2']);
    expect(selection.side).toEqual([0, 1, 0, 1]);
    const table = schemePairTable(g.schemes[0]!, g, selection);
    expect(table.categories).toEqual(['single-shot', 'sequential']);
    const { a, b } = pairTotals(table);
    expect(Array.from(a.n)).toEqual([1, 1]);
    expect(Array.from(b.n)).toEqual([0, 2]);
    expect(Array.from(b.correct)).toEqual([0, 1]);
  });
  it('splits the retrieval table by label × retrieved/missed and counts undefined episodes', () => {
    const g = group();
    const selection = selectPair(g, g.policies.indexOf('base'), g.policies.indexOf('rl'));
    const retrieval = retrievalPairTable(g.schemes[0]!, g, selection);
    expect(retrieval.labels).toEqual(['single-shot', 'sequential']);
    expect(retrieval.table.categories).toEqual(['single-shot|retrieved', 'single-shot|missed', 'sequential|retrieved', 'sequential|missed']);
    expect(retrieval.excluded).toEqual([0, 1]);
    expect(retrieval.excludedByLabel).toEqual([[0, 0], [0, 1]]);
    const { a, b } = pairTotals(retrieval.table);
    expect(Array.from(a.n)).toEqual([1, 0, 0, 1]);
    expect(Array.from(b.n)).toEqual([0, 0, 1, 0]);
  });
});
