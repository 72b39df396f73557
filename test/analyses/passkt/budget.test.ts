import { describe, expect, it } from 'vitest';
import { compareBudgets, headlineBudget, normalizeGrid, parseBudget, type Budget } from '../../../analyses/budget';

describe('budgets', () => {
  it('orders numbers ascending, then `all`', () => {
    const budgets: Budget[] = ['all', 5, 0, 3, 'all', 1];
    expect(budgets.sort(compareBudgets)).toEqual([0, 1, 3, 5, 'all', 'all']);
  });

  it('reads budgets back from CSV and JSON and refuses anything else', () => {
    expect(parseBudget('all')).toBe('all');
    expect(parseBudget('3')).toBe(3);
    expect(parseBudget(0)).toBe(0);
    for (const bad of ['', ' ', '-1', '2.5', 'five', null, undefined, 1.5]) expect(() => parseBudget(bad)).toThrow(RangeError);
  });

  it('normalizes a grid to sorted distinct values', () => {
    expect(normalizeGrid([5, 1, 5, 0])).toEqual([0, 1, 5]);
  });

  it('headlines the largest budget the data was run at, never a thresholded T', () => {
    expect(headlineBudget([{ budget: 1, mode: 'capped' }, { budget: 3, mode: 'capped' }, { budget: 'all', mode: 'thresholded' }])).toBe(3);
    expect(headlineBudget([{ budget: 5, mode: 'thresholded' }, { budget: 'all', mode: 'thresholded' }])).toBe('all');
    expect(headlineBudget([{ budget: 2 }, { budget: 'all' }])).toBe(2);
    expect(headlineBudget([])).toBeNull();
  });
});
