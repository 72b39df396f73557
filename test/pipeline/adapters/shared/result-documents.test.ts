import { describe, expect, it } from 'vitest';
import { parsePythonLiteral } from '../../../../pipeline/adapters/shared/python-literal';
import { resultDocuments } from '../../../../pipeline/adapters/shared/result-documents';

describe('Python literals', () => {
  it('reads lists, tuples, dicts, both quotes with escapes, numbers and the constants', () => {
    expect(parsePythonLiteral(`[{'page_id': 'o_brien', 'title': "O'Brien"}, (1, -2.5e3), {'x': None, 'y': True, 'z': False}]`)).toEqual([
      { page_id: 'o_brien', title: "O'Brien" },
      [1, -2500],
      { x: null, y: true, z: false },
    ]);
    expect(parsePythonLiteral(`'tab\\there \\'q\\' \\x41\\u00e9 \\d'`)).toBe("tab\there 'q' Aé \\d");
    expect(parsePythonLiteral('[1, 2,]')).toEqual([1, 2]);
  });
  it('gives undefined for anything that is not exactly one literal, never evaluating', () => {
    for (const text of ["[1, 2", "{'a' 1}", "os.system('x')", '[1] trailing', "'open", '\\U99999999', `'\\U99999999'`]) expect(parsePythonLiteral(text)).toBeUndefined();
    expect(parsePythonLiteral('['.repeat(200) + ']'.repeat(200))).toBeUndefined();
  });
});

describe('documents of a tool result', () => {
  it('reads a JSON list of hits, or a list under a common key, with title / id / url / text / snippet / content', () => {
    expect(resultDocuments(JSON.stringify([{ title: 'Silver Lake', snippet: 'A lake.' }, { id: 7, content: 'Seven.' }, { url: 'https://x', text: 'X.' }]))).toEqual([
      { title: 'Silver Lake', text: 'A lake.' },
      { id: '7', text: 'Seven.' },
      { id: 'https://x', text: 'X.' },
    ]);
    for (const key of ['results', 'documents', 'items', 'hits']) expect(resultDocuments(JSON.stringify({ query: 'q', [key]: [{ title: 'T', text: 'x' }] }))).toEqual([{ title: 'T', text: 'x' }]);
    expect(resultDocuments(`[{'page_id': 'utsuro-bune', 'title': 'Utsuro-bune'}]`)).toEqual([{ id: 'utsuro-bune', title: 'Utsuro-bune', text: '' }]);
    expect(resultDocuments(JSON.stringify({ title: 'One page', text: 'Its text.' }))).toEqual([{ title: 'One page', text: 'Its text.' }]);
  });
  it('finds none in plain text, in records without document fields, or in a lone record with only an id', () => {
    for (const text of ['Silver Lake is a lake.', '[not json', JSON.stringify([{ flight: 'HAT1', price: 3 }]), JSON.stringify({ id: 'res_1', status: 'cancelled' }), JSON.stringify({ results: [] }), '[]', '42']) {
      expect(resultDocuments(text)).toEqual([]);
    }
  });
});
