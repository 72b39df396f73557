import { describe, expect, it } from 'vitest';
import { UserError } from '../../../pipeline/errors';
import { resolveReference } from '../../../pipeline/runner/reference-policy';

describe('the reference policy', () => {
  it('is the one set, the policy named base, the only policy, or the only name with base/instruct/sft', () => {
    expect(resolveReference('rl', ['base', 'rl'])).toEqual({ policy: 'rl', how: null });
    expect(resolveReference(undefined, ['rl', 'base', 'sft'])).toEqual({ policy: 'base', how: null });
    expect(resolveReference(undefined, ['react'])).toEqual({ policy: 'react', how: 'the only policy' });
    expect(resolveReference(undefined, ['qwen3-4b-rl-step200', 'qwen3-4b-Instruct'])).toEqual({ policy: 'qwen3-4b-Instruct', how: 'the only policy whose name contains base, instruct, sft' });
    expect(resolveReference(undefined, [])).toEqual({ policy: 'base', how: null });
  });
  it('stops with a user error listing the policies when it cannot tell, or when the one set is not in the data', () => {
    expect(() => resolveReference(undefined, ['wiki-search-gpt-4.1-mini', 'wiki-search-gpt-4.1-nano'])).toThrow(
      /no reference policy: the data has the policies "wiki-search-gpt-4\.1-mini", "wiki-search-gpt-4\.1-nano", and none is named "base"/,
    );
    expect(() => resolveReference(undefined, ['m-base', 'm-sft', 'm-rl'])).toThrow(/2 have base\/instruct\/sft in their names \("m-base", "m-sft"\)/);
    expect(() => resolveReference('nano', ['mini', 'rl'])).toThrow(UserError);
    const error = (() => {
      try {
        resolveReference(undefined, ['a', 'b']);
      } catch (caught) {
        return caught as UserError;
      }
    })();
    expect(error?.hint).toMatch(/--base <policy>.*--policy-name old=base/);
  });
});
