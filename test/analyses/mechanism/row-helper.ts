/** Test helper: EpisodeRows with sensible defaults. */
import type { EpisodeRow } from '../../../analyses/episode';

let counter = 0;

/** An episode row; fields not given get neutral defaults and a unique id. */
export function episodeRow(fields: Partial<EpisodeRow> & Pick<EpisodeRow, 'policy' | 'task'>): EpisodeRow {
  counter += 1;
  return {
    id: `e${counter}`,
    family: 'bridge',
    budget: 5,
    sample: null,
    rounds: 1,
    calls: 1,
    answered: true,
    correct: false,
    score: null,
    gold_total: 2,
    gold_retrieved: 0,
    answer_in_results: false,
    ...fields,
  };
}
