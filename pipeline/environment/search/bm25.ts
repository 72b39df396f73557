/**
 * Okapi BM25 over a small corpus (one task's paragraphs). Score of document d for query q:
 *   sum over query terms t of  idf(t) * tf(t,d) * (k1 + 1) / (tf(t,d) + k1 * (1 - b + b * |d| / avgdl))
 * with idf(t) = ln(1 + (N - n_t + 0.5) / (n_t + 0.5)) (Lucene's variant: never negative, so a term that
 * occurs in most of the 10 paragraphs still counts a little instead of lowering the score).
 * A query term repeated in the query counts once per occurrence, as in the original formula.
 */
import { analyze } from './tokenize';

/** BM25's two free parameters. */
export interface Bm25Params {
  /** Term-frequency saturation (1.2: Robertson's default). */
  k1: number;
  /** Length normalisation (0.75: Robertson's default). */
  b: number;
}

/** The defaults documented in docs/simulator.md. */
export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

/** What is indexed of a document: its title and its text. */
export interface IndexableDoc {
  title: string;
  text: string;
}

/** An inverted index of one corpus with BM25 ranking. */
export class Bm25Index {
  readonly size: number;
  private readonly postings = new Map<string, { doc: Int32Array; tf: Float64Array }>();
  private readonly lengthNorm: Float64Array;
  private readonly idf = new Map<string, number>();
  private readonly params: Bm25Params;

  constructor(docs: readonly IndexableDoc[], params: Bm25Params = DEFAULT_BM25) {
    this.params = params;
    this.size = docs.length;
    const counts: Map<string, number>[] = [];
    const lengths = new Float64Array(docs.length);
    docs.forEach((doc, i) => {
      const terms = analyze(`${doc.title} ${doc.text}`);
      lengths[i] = terms.length;
      const tf = new Map<string, number>();
      for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
      counts.push(tf);
    });
    const avgdl = lengths.reduce((a, b) => a + b, 0) / Math.max(1, docs.length) || 1;
    this.lengthNorm = lengths.map((len) => params.k1 * (1 - params.b + (params.b * len) / avgdl));
    const byTerm = new Map<string, { doc: number[]; tf: number[] }>();
    counts.forEach((tf, i) => {
      for (const [term, n] of tf) {
        let list = byTerm.get(term);
        if (!list) byTerm.set(term, (list = { doc: [], tf: [] }));
        list.doc.push(i);
        list.tf.push(n);
      }
    });
    for (const [term, list] of byTerm) {
      this.postings.set(term, { doc: Int32Array.from(list.doc), tf: Float64Array.from(list.tf) });
      const df = list.doc.length;
      this.idf.set(term, Math.log(1 + (docs.length - df + 0.5) / (df + 0.5)));
    }
  }

  /** BM25 score of every document for a query (0 for documents sharing no term with it). */
  scores(query: string): Float64Array {
    const scores = new Float64Array(this.size);
    const k1 = this.params.k1;
    for (const term of analyze(query)) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = this.idf.get(term)!;
      for (let j = 0; j < posting.doc.length; j++) {
        const d = posting.doc[j]!;
        const tf = posting.tf[j]!;
        scores[d]! += (idf * tf * (k1 + 1)) / (tf + this.lengthNorm[d]!);
      }
    }
    return scores;
  }

  /**
   * The indices of the k best documents, best first. Ties keep corpus order; documents with score 0 are
   * returned too when fewer than k match, as rank_bm25's get_top_n does (the tool always shows k results).
   */
  top(query: string, k: number): number[] {
    const scores = this.scores(query);
    const order = Array.from({ length: this.size }, (_, i) => i);
    order.sort((a, b) => scores[b]! - scores[a]! || a - b);
    return order.slice(0, Math.min(k, this.size));
  }
}
