import { describe, expect, it } from 'vitest';
import { readsRight } from '../../../../pipeline/simulate/readers/reader';

describe('readsRight', () => {
  it('is certain with no rival, equals the integration skill with two rivals, and falls with more', () => {
    expect(readsRight(0.7, 0, 3)).toBe(1);
    expect(readsRight(0.7, 2, 3)).toBeCloseTo(0.7, 12);
    expect(readsRight(0.7, 2, 0)).toBeCloseTo(0.7, 12);
    expect(readsRight(0.7, 6, 0)).toBeCloseTo(0.7, 12);
    expect(readsRight(0.7, 4, 1)).toBeCloseTo(0.7 / (0.7 + 0.3 * 2), 12);
    expect(readsRight(0.7, 4, 3)).toBeLessThan(readsRight(0.7, 3, 3));
    expect(readsRight(1, 9, 3)).toBe(1);
  });
});
