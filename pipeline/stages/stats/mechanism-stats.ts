/**
 * A shard's mechanism statistics: the episode cells of compare and retrieval (episodes joined with
 * labels.csv, each at its record's position in the whole input), the hashed query sequences per
 * (policy, task, budget), the planted-strategy confusion per policy, and the hashed episode ids.
 */
import { hash64 } from '../../../analyses/shard/hash64';
import { MechanismSums } from '../../../analyses/shard/mechanism-sums';
import type { StageInput } from '../../runner/stage';
import { readEpisodeCells } from '../../tables/episode-cells';
import { labelConfusionTable } from '../../tables/label-confusion';
import { labelsTable } from '../../tables/labels';
import { recordPositionsFile } from '../../tables/record-positions';

/** Reads the shard's outputs into mechanism sums. */
export async function readMechanismStats(ingest: StageInput, label: StageInput | undefined): Promise<MechanismSums> {
  const sums = new MechanismSums();
  const ids: string[] = [];
  // An unsharded ingest (the one-shard set) writes no positions: its episodes are in record order already.
  const positions = ingest.has(recordPositionsFile.file) ? () => recordPositionsFile.stream(ingest) : undefined;
  const cells = await readEpisodeCells(ingest, { label, positions }, (row) => ids.push(hash64(row.id)));
  for (const cell of cells.rows()) sums.addCell(cell);
  sums.addIds(ids);
  if (!label) return sums;
  for await (const row of labelsTable.stream(label)) sums.addSequence(row, hash64(row.sequence), 1);
  if (label.has(labelConfusionTable.file)) {
    // The per-policy rows; the `all` rows are their sum.
    for (const row of await labelConfusionTable.read(label)) if (row.policy !== 'all') sums.addConfusion(row);
  }
  return sums;
}
