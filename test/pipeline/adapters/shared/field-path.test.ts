import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../pipeline/errors';
import { firstArray, firstField, getField, parseFieldPath } from '../../../../pipeline/adapters/shared/field-path';

describe('field paths', () => {
  const record = { info: { task: { instruction: 'fly' } }, messages: [{ content: 'a' }, { content: 'b' }], prompt: [1], completion: [2, 3], zero: 0, none: null };

  it('parses keys and indices', () => {
    expect(parseFieldPath('info.task.instruction')).toEqual(['info', 'task', 'instruction']);
    expect(parseFieldPath('messages[1].content')).toEqual(['messages', 1, 'content']);
  });

  it('refuses malformed paths', () => {
    for (const bad of ['', 'a..b', 'a.', '.a', 'a[x]']) expect(() => parseFieldPath(bad), bad).toThrow(ConfigError);
  });

  it('reads nested values and returns undefined for missing steps', () => {
    expect(getField(record, 'info.task.instruction')).toBe('fly');
    expect(getField(record, 'messages[1].content')).toBe('b');
    expect(getField(record, 'info.nothing.here')).toBeUndefined();
    expect(getField(record, 'messages[5].content')).toBeUndefined();
  });

  it('tries alternatives in order, skipping missing and null but not falsy values', () => {
    expect(firstField(record, 'none, missing, zero')).toEqual({ path: 'zero', value: 0 });
    expect(firstField(record, 'missing')).toBeUndefined();
  });

  it('joins arrays with + and only matches when every part is an array', () => {
    expect(firstArray(record, 'traj,prompt+completion')).toEqual({ path: 'prompt+completion', value: [1, 2, 3] });
    expect(firstArray(record, 'prompt+zero,messages')?.path).toBe('messages');
  });
});
