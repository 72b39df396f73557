/**
 * The `search` tool of the environment: BM25 over one task's paragraphs, returning the top-k
 * paragraphs with ids and titles. The simulator and the rollout collector both call it, so a simulated
 * episode sees exactly what a real model would.
 */
import type { TaskDoc } from '../../formats/task';
import { Bm25Index, DEFAULT_BM25, type Bm25Params } from './bm25';

/** The tool's name in trajectories. */
export const SEARCH_TOOL = 'search';

/** What one search returns: the ranked paragraphs, their positions in the task corpus, and the text. */
export interface SearchResult {
  /** Positions of the returned paragraphs in the task's `docs`, best first. */
  indices: readonly number[];
  docs: readonly TaskDoc[];
  /** The paragraphs' texts joined by newlines: what a model reads. */
  text: string;
}

/** A search tool bound to one task corpus. Results are memoised per query (the tool is deterministic). */
export class SearchTool {
  private readonly index: Bm25Index;
  private readonly cache = new Map<string, SearchResult>();

  constructor(
    readonly docs: readonly TaskDoc[],
    readonly topK = 3,
    params: Bm25Params = DEFAULT_BM25,
  ) {
    this.index = new Bm25Index(docs, params);
  }

  /** Runs a query and returns the top-k paragraphs. */
  search(query: string): SearchResult {
    let result = this.cache.get(query);
    if (!result) {
      const indices = this.index.top(query, this.topK);
      const docs = indices.map((i) => this.docs[i]!);
      result = { indices, docs, text: docs.map((doc) => doc.text).join('\n') };
      this.cache.set(query, result);
    }
    return result;
  }

  /** BM25 scores of every paragraph (for tests and diagnostics). */
  scores(query: string): Float64Array {
    return this.index.scores(query);
  }
}
