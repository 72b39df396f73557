import { describe, expect, it } from 'vitest';
import { supportChange, supportStatus } from '../../../analyses/mechanism/support';

describe('support change (a = the compared policy, b = the reference)', () => {
  it('splits categories into gained (only a), lost (only b) and shared, names sorted', () => {
    const change = supportChange(['single-shot', 'sequential', 'verify', 'no-search', 'parallel'], [5, 3, 0, 2, 0], [4, 0, 1, 2, 0]);
    expect(change).toEqual({ gained: ['sequential'], lost: ['verify'], shared: ['no-search', 'single-shot'] });
  });
  it('names the status of one category', () => {
    expect(supportStatus(1, 1)).toBe('both');
    expect(supportStatus(2, 0)).toBe('gained');
    expect(supportStatus(0, 2)).toBe('lost');
    expect(supportStatus(0, 0)).toBe('neither');
  });
});
