import type { EpisodeRow } from '../../../analyses/episode';
import { compareText } from '../../../analyses/stats/compare-text';
import type { CellCount, DocumentCount } from '../../tables/ingest-summary';
import type { ResultDocuments } from './resolve-episode';

/** Running per-cell counts and the score histogram, kept while ingest streams. */
export class IngestTally {
  private readonly cells = new Map<string, { cell: CellCount; scoreSum: number; scored: number; tasks: Set<string> }>();
  private readonly documents = new Map<string, DocumentCount>();
  /** Episodes per policy whose trace is `partial` or `missing` (FORMAT.md `trace`). */
  readonly incompleteTraces = { partial: new Map<string, number>(), missing: new Map<string, number>() };
  /** Scores in ten bins [0,.1), …, [.9,1]. */
  readonly scoreHistogram = new Array<number>(10).fill(0);

  /** Counts one accepted episode and the documents its results carried. */
  add(row: EpisodeRow, documents: ResultDocuments): void {
    const where = `${row.policy}\u0000${row.family}`;
    let count = this.documents.get(where);
    if (!count) this.documents.set(where, (count = { policy: row.policy, family: row.family, results: 0, results_with_docs: 0 }));
    count.results += documents.results;
    count.results_with_docs += documents.withDocs;
    if (row.trace) this.incompleteTraces[row.trace].set(row.policy, (this.incompleteTraces[row.trace].get(row.policy) ?? 0) + 1);
    const key = `${row.policy}\u0000${row.family}\u0000${row.budget ?? ''}`;
    let entry = this.cells.get(key);
    if (!entry) {
      entry = {
        cell: { policy: row.policy, family: row.family, budget: row.budget ?? 'uncapped', episodes: 0, correct: 0, tasks: 0, mean_score: null },
        scoreSum: 0,
        scored: 0,
        tasks: new Set(),
      };
      this.cells.set(key, entry);
    }
    entry.cell.episodes += 1;
    if (row.correct) entry.cell.correct += 1;
    entry.tasks.add(row.task);
    if (row.score !== null) {
      entry.scoreSum += row.score;
      entry.scored += 1;
      this.scoreHistogram[Math.min(9, Math.floor(row.score * 10))]! += 1;
    }
  }

  /** Tool results and results with documents per (policy, family), sorted. */
  documentCounts(): DocumentCount[] {
    return [...this.documents.values()].sort((a, b) => compareText(a.policy, b.policy) || compareText(a.family, b.family));
  }

  /** The policies seen, sorted. */
  policies(): string[] {
    return [...new Set([...this.cells.values()].map((entry) => entry.cell.policy))].sort(compareText);
  }

  /** The cells, sorted by policy, family, budget. */
  table(): CellCount[] {
    return [...this.cells.values()]
      .map(({ cell, scoreSum, scored, tasks }) => ({ ...cell, tasks: tasks.size, mean_score: scored > 0 ? scoreSum / scored : null }))
      .sort((a, b) =>
        compareText(a.policy, b.policy) || compareText(a.family, b.family) || budgetOrder(a.budget) - budgetOrder(b.budget),
      );
  }
}

function budgetOrder(budget: number | 'uncapped'): number {
  return budget === 'uncapped' ? Number.POSITIVE_INFINITY : budget;
}
