import { describe, expect, it } from 'vitest';
import { OrderedJoin, rowsById } from '../../../pipeline/io/ordered-join';

async function* rows(ids: string[]): AsyncGenerator<{ id: string; n: number }> {
  for (const [n, id] of ids.entries()) yield { id, n };
}

describe('OrderedJoin', () => {
  it('finds each row of a table written in episode order, some episodes left out', async () => {
    const join = new OrderedJoin(rows(['b', 'c', 'e']));
    const found = [];
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) found.push((await join.take(id))?.n ?? null);
    expect(found).toEqual([null, 0, 1, null, 2, null]);
    expect(await join.leftOver()).toBe(false);
  });

  it('says when rows are left over (a table in another order), so the caller falls back to a map', async () => {
    const join = new OrderedJoin(rows(['c', 'a']));
    for (const id of ['a', 'b', 'c']) await join.take(id);
    expect(await join.leftOver()).toBe(true);
    expect((await rowsById(rows(['c', 'a']))).get('a')?.n).toBe(1);
  });

  it('handles an empty table', async () => {
    const join = new OrderedJoin(rows([]));
    expect(await join.take('a')).toBeUndefined();
    expect(await join.leftOver()).toBe(false);
  });
});
