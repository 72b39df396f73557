import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../../pipeline/environment/search/bm25';

// Words chosen so that Porter stemming leaves them unchanged and none is a stop word.
const docs = [
  { title: 'red', text: 'apple apple tree' },
  { title: 'green', text: 'apple leaf' },
  { title: 'blue', text: 'sky sea sky sea sky' },
];

// Okapi BM25 written out independently: Lucene idf, k1, b.
function expected(query: string[], doc: string[], corpus: string[][], k1: number, b: number): number {
  const avgdl = corpus.reduce((s, d) => s + d.length, 0) / corpus.length;
  let score = 0;
  for (const term of query) {
    const df = corpus.filter((d) => d.includes(term)).length;
    if (df === 0) continue;
    const idf = Math.log(1 + (corpus.length - df + 0.5) / (df + 0.5));
    const tf = doc.filter((t) => t === term).length;
    score += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * doc.length) / avgdl));
  }
  return score;
}

describe('Bm25Index', () => {
  const corpus = docs.map((d) => `${d.title} ${d.text}`.split(' '));

  it('scores every document as the Okapi BM25 formula does', () => {
    for (const params of [
      { k1: 1.2, b: 0.75 },
      { k1: 0.9, b: 0.4 },
      { k1: 2, b: 0 },
    ]) {
      const index = new Bm25Index(docs, params);
      for (const query of [['apple'], ['apple', 'tree'], ['sky', 'apple'], ['apple', 'apple']]) {
        const scores = index.scores(query.join(' '));
        corpus.forEach((doc, i) => expect(scores[i]).toBeCloseTo(expected(query, doc, corpus, params.k1, params.b), 12));
      }
    }
  });

  it('ranks best first, keeps corpus order on ties and fills with unmatched documents', () => {
    const index = new Bm25Index(docs);
    expect(index.top('apple tree', 3)).toEqual([0, 1, 2]);
    expect(index.top('sky', 2)).toEqual([2, 0]);
    expect(index.top('nothing matches', 2)).toEqual([0, 1]);
    expect(index.top('apple', 10)).toHaveLength(3);
  });

  it('matches inflected forms through the stemmer and ignores stop words and case', () => {
    const index = new Bm25Index([
      { title: 'A', text: 'The film was directed in 1984.' },
      { title: 'B', text: 'Films of the year.' },
    ]);
    const scores = index.scores('FILMS directed');
    expect(scores[0]).toBeGreaterThan(0);
    expect(scores[1]).toBeGreaterThan(0);
    expect(index.scores('the of was')).toEqual(new Float64Array([0, 0]));
    expect(index.scores('1984')[0]).toBeGreaterThan(0);
  });

  it('gives a term found in most documents a small positive weight (never negative)', () => {
    const index = new Bm25Index([
      { title: 'x', text: 'common' },
      { title: 'y', text: 'common' },
      { title: 'z', text: 'common rare' },
    ]);
    const scores = index.scores('common');
    expect(Math.min(...scores)).toBeGreaterThan(0);
    expect(index.scores('rare')[2]).toBeGreaterThan(scores[2]!);
  });
});
