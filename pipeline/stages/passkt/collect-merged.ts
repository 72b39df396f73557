/**
 * passkt's reader in a merge run: the outcome lines of the merge stage's `stats.jsonl` go into an
 * OutcomeCollector exactly as if their episodes had been added one by one.
 */
import { OutcomeCollector } from '../../../analyses/passkt/outcomes';
import type { StageInput } from '../../runner/stage';
import { readStatsBody } from '../../tables/stats/read';
import { STATS_FILE } from '../../tables/stats/format';
import { pairStatsOf } from '../../tables/stats/lines';

/** The outcome statistics of a stage's `stats.jsonl`, collected. */
export async function collectMergedStats(input: StageInput): Promise<OutcomeCollector> {
  const collector = new OutcomeCollector();
  for await (const line of readStatsBody(input.path(STATS_FILE), `${input.stage}/${STATS_FILE}`)) {
    if (line.kind === 'outcome') collector.addStats(pairStatsOf(line));
  }
  return collector;
}
