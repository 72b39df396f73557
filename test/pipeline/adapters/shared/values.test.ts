import { describe, expect, it } from 'vitest';
import { toAnswers, toId, toIndex, toNumber, toVerdict, unitScore } from '../../../../pipeline/adapters/shared/values';

describe('value readers', () => {
  it('reads numbers, numeric strings and true/false words', () => {
    expect(toNumber(0.5, 'x')).toEqual({ ok: true, value: 0.5 });
    expect(toNumber('1.0', 'x')).toEqual({ ok: true, value: 1 });
    expect(toNumber('True', 'x')).toEqual({ ok: true, value: 1 });
    expect(toNumber(false, 'x')).toEqual({ ok: true, value: 0 });
    const bad = toNumber('maybe', 'reward r');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain('reward r is "maybe"');
  });

  it('compares numeric verdicts with the threshold and keeps booleans', () => {
    expect(toVerdict(1, 1, 'v')).toEqual({ ok: true, value: true });
    expect(toVerdict(0.99, 1, 'v')).toEqual({ ok: true, value: false });
    expect(toVerdict(0.6, 0.5, 'v')).toEqual({ ok: true, value: true });
    expect(toVerdict('False', 1, 'v')).toEqual({ ok: true, value: false });
    expect(toVerdict(true, 5, 'v')).toEqual({ ok: true, value: true });
    expect(toVerdict(null, 1, 'v').ok).toBe(false);
  });

  it('reads ids, indices, answers and unit scores', () => {
    expect(toId(7)).toBe('7');
    expect(toId(' ')).toBeUndefined();
    expect(toId(1.5)).toBeUndefined();
    expect(toIndex('3')).toBe(3);
    expect(toIndex(-1)).toBeUndefined();
    expect(toAnswers(['a', 1, 'b'])).toEqual(['a', 'b']);
    expect(toAnswers('x')).toEqual(['x']);
    expect(unitScore(1.2)).toBeUndefined();
    expect(unitScore(0.3)).toBe(0.3);
  });
});
