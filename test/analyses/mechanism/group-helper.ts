/** Test helper: builds (family, budget) groups from rows and labels, as the compare stage does. */
import type { EpisodeRow } from '../../../analyses/episode';
import { budgetKey } from '../../../analyses/budget';
import { createGroupBuilder, type GroupBuilder, type GroupEpisodes } from '../../../analyses/mechanism/group-episodes';
import { type RetrievalDefinition, retrievalSuccess } from '../../../analyses/mechanism/retrieval-success';

/** Groups rows by family and budget; `strategies(row)` gives the categories per scheme. */
export function groupRows(
  rows: Iterable<EpisodeRow>,
  schemes: string[],
  strategies: (row: EpisodeRow) => string[],
  definition: RetrievalDefinition | null = 'gold_docs',
): GroupEpisodes[] {
  const groups = new Map<string, GroupBuilder>();
  for (const row of rows) {
    const key = `${row.family}\u0000${budgetKey(row.budget)}`;
    let builder = groups.get(key);
    if (!builder) {
      builder = createGroupBuilder(row.family, budgetKey(row.budget), schemes);
      groups.set(key, builder);
    }
    builder.add({
      policy: row.policy,
      task: row.task,
      correct: row.correct,
      retrieved: definition ? retrievalSuccess(row, definition) : null,
      strategies: strategies(row),
    });
  }
  return [...groups.values()].map((b) => b.group);
}
