import { describe, expect, it } from 'vitest';
import { readingOf, toolRoleMatcher } from '../../../analyses/strategy/tool-roles';

describe('tool roles', () => {
  const roleOf = toolRoleMatcher();
  it('gives the TAXONOMY.md default roles by name pattern, case-insensitively', () => {
    expect(['search', 'search_pages', 'wiki_search', 'Retrieve_docs', 'query_index', 'BM25', 'Search'].map(roleOf)).toEqual(Array(7).fill('search'));
    expect(['read_section', 'view_sections', 'open_url', 'browse', 'fetch', 'click', 'Lookup', 'get_page_text', 'scroll_down'].map(roleOf)).toEqual(Array(9).fill('read'));
    expect(['answer', 'Finish', 'submit_answer', 'final_answer'].map(roleOf)).toEqual(Array(4).fill('answer'));
    expect(['get_user_details', 'calculator', 'python', 'wiki_lookup', 'answers', 'finished'].map(roleOf)).toEqual(Array(6).fill('other'));
  });
  it('tries search before read: a tool that opens a search is a search', () => {
    expect(roleOf('open_search')).toBe('search');
  });
  it('applies the user mapping first, by name or * pattern', () => {
    const mapped = toolRoleMatcher({ get_reservation_details: 'read', 'list_*': 'search', search_pages: 'other' });
    expect(['get_reservation_details', 'GET_RESERVATION_DETAILS', 'list_all_airports', 'search_pages', 'read_section', 'calculator'].map(mapped)).toEqual([
      'read', 'read', 'search', 'other', 'read', 'other',
    ]);
  });
  it('labels reading depth from distinct targets: none 0, brief 1-2, deep 3+', () => {
    expect([0, 1, 2, 3, 10].map(readingOf)).toEqual(['none', 'brief', 'brief', 'deep', 'deep']);
  });
});
