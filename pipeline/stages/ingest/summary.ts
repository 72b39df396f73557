import type { EpisodeRow } from '../../../analyses/episode';
import { compareText } from '../../../analyses/stats/compare-text';
import type { CellCount } from '../../tables/ingest-summary';


/** Running per-cell counts and the score histogram, kept while ingest streams. */
export class IngestTally {
  private readonly cells = new Map<string, { cell: CellCount; scoreSum: number; scored: number; tasks: Set<string> }>();
  /** Scores in ten bins [0,.1), …, [.9,1]. */
  readonly scoreHistogram = new Array<number>(10).fill(0);

  /** Counts one accepted episode. */
  add(row: EpisodeRow): void {
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
