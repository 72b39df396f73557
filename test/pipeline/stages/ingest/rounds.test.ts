import { describe, expect, it } from 'vitest';
import type { Step } from '../../../../pipeline/formats/trajectory';
import { assignRounds } from '../../../../pipeline/stages/ingest/rounds';
import { queryText } from '../../../../pipeline/stages/ingest/query';

const call = (round?: number): Step => ({ type: 'call', tool: 'search', args: { query: 'q' }, ...(round === undefined ? {} : { round }) });
const result: Step = { type: 'result', tool: 'search', text: 'r' };

describe('assignRounds', () => {
  it('answering without calls uses 0 rounds', () => {
    expect(assignRounds([{ type: 'answer', text: 'x' }]).rounds).toBe(0);
  });
  it('calls sharing a round value count once', () => {
    const { rounds, roundOf } = assignRounds([call(1), call(1), result, result, call(2), result]);
    expect(rounds).toBe(2);
    expect(roundOf).toEqual([0, 0, -1, -1, 1, -1]);
  });
  it('a call without round is a round of its own', () => {
    expect(assignRounds([call(), call(), call(7), call(7), call()]).rounds).toBe(4);
  });
  it('round values need not be consecutive or ordered', () => {
    expect(assignRounds([call(5), call(3), call(5)]).roundOf).toEqual([0, 1, 0]);
  });
});

describe('queryText', () => {
  it('takes strings as they are and query-like keys of objects', () => {
    expect(queryText('abc')).toBe('abc');
    expect(queryText({ query: 'x', k: 3 })).toBe('x');
    expect(queryText({ other: 'only string' })).toBe('only string');
    expect(queryText({ a: 1, b: 2 })).toBe('{"a":1,"b":2}');
  });
});
