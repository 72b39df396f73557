import { describe, expect, it } from 'vitest';
import { toolRoleMatcher } from '../../../analyses/strategy/tool-roles';
import { EMPTY_QUERY, episodeSequence, normalizeQuery, sequenceKey } from '../../../analyses/strategy/sequence';

const roleOf = toolRoleMatcher();
const isSearch = (tool: string) => roleOf(tool) === 'search';

describe('query sequences', () => {
  it('normalizes queries like answers and keeps empty ones visible', () => {
    expect(normalizeQuery('  The Director of "Orchid Harbor"? ')).toBe('director of orchid harbor');
    expect(normalizeQuery('')).toBe(EMPTY_QUERY);
    expect(normalizeQuery('?!')).toBe(EMPTY_QUERY);
  });

  it('joins the search queries of an episode, repeats kept', () => {
    const calls = [
      { tool: 'search', query: 'Orchid Harbor' },
      { tool: 'calculator', query: '2+2' },
      { tool: 'search', query: 'orchid harbor.' },
    ];
    expect(episodeSequence(calls, isSearch)).toBe('orchid harbor || orchid harbor');
    expect(episodeSequence([], isSearch)).toBe('');
    expect(sequenceKey(['a', 'b'])).toBe('a || b');
  });

  it('falls back to tool: query for agents without search calls', () => {
    expect(episodeSequence([{ tool: 'get_user', query: 'U1' }, { tool: 'cancel', query: 'R9' }], isSearch)).toBe('get_user: u1 || cancel: r9');
  });
});
