import { describe, expect, it } from 'vitest';
import { SearchTool } from '../../../../pipeline/environment/search/search-tool';

const docs = [
  { id: 'd1', title: 'Silent Harbor', text: 'Silent Harbor is a 1984 film directed by Mira Vell.' },
  { id: 'd2', title: 'Mira Vell', text: 'Mira Vell is a Velorian film director.' },
  { id: 'd3', title: 'Glass Orchard', text: 'Glass Orchard is a 1990 film.' },
  { id: 'd4', title: 'Tavrin', text: 'Tavrin is a city.' },
];

describe('SearchTool', () => {
  it('returns the top-k paragraphs with ids, titles and their texts joined', () => {
    const tool = new SearchTool(docs, 2);
    const result = tool.search('Mira Vell');
    expect(result.docs.map((d) => d.id)).toEqual(['d2', 'd1']);
    expect(result.indices).toEqual([1, 0]);
    expect(result.text).toBe(`${docs[1]!.text}\n${docs[0]!.text}`);
  });

  it('is deterministic and memoises identical queries', () => {
    const tool = new SearchTool(docs, 3);
    expect(tool.search('film 1984')).toBe(tool.search('film 1984'));
    expect(new SearchTool(docs, 3).search('film 1984').indices).toEqual(tool.search('film 1984').indices);
  });
});
